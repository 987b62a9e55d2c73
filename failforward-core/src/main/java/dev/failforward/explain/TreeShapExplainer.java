package dev.failforward.explain;

import dev.failforward.explain.tree.TreeShapValues;
import dev.failforward.model.Model;
import dev.failforward.model.TreeEnsembleSource;
import dev.failforward.model.tree.TreeEnsemble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code treeshap}: exact path-dependent TreeSHAP on the model's own trees (fast form), in the
 * booster's margin units (log-odds for classifiers). Features derived from one column (one-hot
 * levels, indicators) are summed into that column. Fidelity is the additivity gap against the
 * ensemble's margin, which is zero up to rounding.
 */
public final class TreeShapExplainer implements Explainer {

    public static final String ID = "treeshap";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "exact path-dependent TreeSHAP on the model's trees (tree ensembles only)";
    }

    @Override
    public boolean supports(Model model) {
        return model instanceof TreeEnsembleSource;
    }

    @Override
    public List<Explanation> explain(Model model, ExplainRequest request) {
        if (!(model instanceof TreeEnsembleSource source)) {
            throw new IllegalArgumentException("treeshap needs a tree ensemble; " + model.id() + " is not one");
        }
        TreeEnsemble ensemble = TreeEnsemble.fromXgboostJson(source.xgboostJson());
        List<String> columns = source.featureColumns();
        int width = columns.size();
        int features = ensemble.featureCount();
        if (features > width) {
            throw new IllegalArgumentException("the booster reads " + features + " features but the model encodes " + width);
        }
        int n = request.rows().rowCount();
        double[] encoded = repack(source.encode(request.rows()), n, width, features);
        request.progress().start("treeshap", n);
        double[] values = TreeShapValues.compute(ensemble, encoded, n, request.threads(), TreeShapValues.Algorithm.FAST);
        double[] margins = ensemble.margins(encoded, n);
        request.progress().advance(n);
        request.progress().finish();
        int groups = ensemble.groups();
        int stride = features + 1;
        List<Explanation> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            String output = request.outputs().get(r);
            int group = 0;
            double sign = 1;
            List<String> classes = model.target().classes();
            if (output != null && groups > 1) {
                List<String> names = source.groupClasses().isEmpty() ? classes : source.groupClasses();
                group = names.indexOf(output);
                if (group < 0) {
                    throw new IllegalArgumentException("the model has no class '" + output + "'; classes: " + String.join(", ", names));
                }
            } else if (output != null && classes.size() == 2) {
                String positive = source.groupClasses().size() == 1 ? source.groupClasses().get(0) : classes.get(1);
                sign = output.equals(positive) ? 1 : -1;
            }
            int at = r * groups * stride + group * stride;
            Map<String, Double> byColumn = new LinkedHashMap<>();
            double sum = 0;
            for (int f = 0; f < features; f++) {
                double v = values[at + f];
                sum += v;
                if (v != 0) {
                    byColumn.merge(columns.get(f), sign * v, Double::sum);
                }
            }
            double base = values[at + features];
            double margin = margins[r * groups + group];
            List<Attribution> attributions = new ArrayList<>(byColumn.size());
            byColumn.forEach((c, v) -> attributions.add(new Attribution(c, v)));
            out.add(new Explanation(ID, output, "margin", sign * base, sign * margin, attributions,
                    Fidelity.additivityGap(Math.abs(base + sum - margin))));
        }
        return out;
    }

    /** Keeps the first {@code features} of each row's {@code width} values (features past the booster's count are never split on). */
    private static double[] repack(double[] rows, int n, int width, int features) {
        if (features == width) {
            return rows;
        }
        double[] out = new double[n * features];
        for (int r = 0; r < n; r++) {
            System.arraycopy(rows, r * width, out, r * features, features);
        }
        return out;
    }
}
