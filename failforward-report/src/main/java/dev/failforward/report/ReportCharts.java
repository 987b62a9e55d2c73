package dev.failforward.report;

import dev.failforward.failure.PredictionRecord;
import dev.failforward.metric.CalibrationBin;
import dev.failforward.metric.CurvePoint;
import dev.failforward.metric.Evaluation;
import dev.failforward.run.Run;
import dev.failforward.session.ScanResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts a scan report shows, chosen by task: for classification the confusion matrix, ROC
 * curve (binary), reliability curve, failure rate per class and the confidence of failures; for
 * regression predicted against actual values and the residuals.
 */
final class ReportCharts {

    /** One chart with a sentence on how to read it. */
    record Figure(String svg, String caption) {
    }

    /** A scatter plot shows at most this many points (every k-th prediction), to keep the file small. */
    static final int MAX_POINTS = 3000;
    /** A ROC curve is drawn through at most about this many of its corners; it has one per distinct score. */
    static final int MAX_CURVE_POINTS = 1000;
    /** Above this many classes a confusion matrix is too dense to read; report.json still has it. */
    static final int MAX_HEATMAP_CLASSES = 60;

    private ReportCharts() {
    }

    static List<Figure> of(ScanResult result) {
        return result.run().task().isClassification() ? classification(result) : regression(result);
    }

    private static List<Figure> classification(ScanResult result) {
        Run run = result.run();
        Evaluation e = result.evaluation();
        List<Figure> out = new ArrayList<>();
        if (e.confusion().length > 0 && run.classes().size() <= MAX_HEATMAP_CLASSES) {
            out.add(new Figure(Charts.heatmap("Confusion matrix", "Predicted class", "True class", run.classes(),
                    run.classes(), e.confusion()),
                    "Rows are true classes, columns predicted classes; cells on the diagonal are right."));
        }
        boolean binary = run.classes().size() == 2;
        if (binary && !e.roc().isEmpty()) {
            List<CurvePoint> curve = thin(e.roc(), MAX_CURVE_POINTS);
            double[] x = curve.stream().mapToDouble(CurvePoint::x).toArray();
            double[] y = curve.stream().mapToDouble(CurvePoint::y).toArray();
            Double auc = e.metrics().get("roc_auc");
            String title = auc == null ? "ROC curve" : "ROC curve · AUC " + Format.number(auc);
            out.add(new Figure(Charts.line(title, "False-positive rate", "True-positive rate", List.of(
                            Series.dashed("chance", new double[] {0, 1}, new double[] {0, 1}, Palette.GREY),
                            Series.line("model", x, y, Palette.BLUE))),
                    "Positive class: " + run.classes().get(1) + ". The closer the curve runs to the top left, the better."));
        }
        if (!e.calibration().isEmpty()) {
            out.add(calibration(e.calibration(), binary ? run.classes().get(1) : null));
        }
        out.add(failureRateByClass(result));
        double[] confidence = result.predictions().stream().filter(PredictionRecord::failure)
                .mapToDouble(p -> max(p.probabilities())).toArray();
        out.add(new Figure(Charts.histogram("Confidence of wrong predictions", "Probability the model gave its (wrong) class",
                        confidence, 10, Palette.VERMILLION),
                "Wrong predictions made with high confidence are the most dangerous; they are tagged overconfident."));
        return out;
    }

    private static Figure calibration(List<CalibrationBin> bins, String positive) {
        double[] x = bins.stream().mapToDouble(CalibrationBin::meanPredicted).toArray();
        double[] y = bins.stream().mapToDouble(CalibrationBin::observedRate).toArray();
        List<String> tips = bins.stream().map(b -> Format.number(b.lower()) + "–" + Format.number(b.upper()) + ": "
                + Format.count(b.count()) + " rows, mean predicted " + Format.number(b.meanPredicted())
                + ", observed " + Format.number(b.observedRate())).toList();
        String xLabel = positive == null ? "Mean confidence (probability of the predicted class)"
                : "Mean predicted probability of " + positive;
        String yLabel = positive == null ? "Accuracy" : "Observed rate of " + positive;
        String svg = Charts.line("Calibration (reliability)", xLabel, yLabel, List.of(
                Series.dashed("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1}, Palette.GREY),
                new Series("model", x, y, Palette.BLUE, Series.Mark.LINE_AND_DOTS, tips)));
        return new Figure(svg, "Each dot is one of ten probability bins; below the diagonal the model is overconfident.");
    }

    private static Figure failureRateByClass(ScanResult result) {
        List<String> classes = result.run().classes();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        long[] total = new long[classes.size()];
        long[] failed = new long[classes.size()];
        for (PredictionRecord p : result.predictions()) {
            Integer c = index.get(p.expected());
            if (c != null) {
                total[c]++;
                failed[c] += p.failure() ? 1 : 0;
            }
        }
        double[] rate = new double[classes.size()];
        for (int c = 0; c < rate.length; c++) {
            rate[c] = total[c] == 0 ? Double.NaN : 100.0 * failed[c] / total[c];
        }
        return new Figure(Charts.bar("Failure rate by true class", "True class", "Wrong predictions (%)", classes, rate,
                Palette.VERMILLION), "The share of each class's rows that the model got wrong.");
    }

    private static List<Figure> regression(ScanResult result) {
        List<PredictionRecord> all = result.predictions();
        int stride = Math.max(1, (all.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<double[]> ok = new ArrayList<>();
        List<double[]> bad = new ArrayList<>();
        List<Double> residuals = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PredictionRecord p = all.get(i);
            double actual = parse(p.expected());
            double predicted = p.prediction() == null ? parse(p.predicted()) : p.prediction();
            residuals.add(predicted - actual);
            if (i % stride == 0) {
                (p.failure() ? bad : ok).add(new double[] {actual, predicted});
            }
        }
        int shown = ok.size() + bad.size();
        String target = result.run().target();
        String scatter = Charts.scatter("Predicted against actual", "Actual " + target, "Predicted " + target, List.of(
                Series.dots("prediction", column(ok, 0), column(ok, 1), Palette.BLUE),
                Series.dots("failure", column(bad, 0), column(bad, 1), Palette.VERMILLION)), true);
        String note = shown < all.size() ? " Showing " + Format.count(shown) + " of " + Format.count(all.size()) + " predictions." : "";
        List<Figure> out = new ArrayList<>();
        out.add(new Figure(scatter, "Points on the dashed line are exact; failures (largest errors) are in orange." + note));
        out.add(new Figure(Charts.histogram("Residuals", "Predicted − actual " + target,
                residuals.stream().mapToDouble(Double::doubleValue).toArray(), 30, Palette.BLUE),
                "Errors centred on zero are unbiased; a long tail shows where the model fails."));
        return out;
    }

    /** Every k-th point of a curve, always keeping the first and last, so that it keeps its shape in fewer points. */
    static List<CurvePoint> thin(List<CurvePoint> curve, int max) {
        if (curve.size() <= max) {
            return curve;
        }
        int stride = (curve.size() + max - 1) / max;
        List<CurvePoint> out = new ArrayList<>();
        for (int i = 0; i < curve.size() - 1; i += stride) {
            out.add(curve.get(i));
        }
        out.add(curve.get(curve.size() - 1));
        return out;
    }

    private static double[] column(List<double[]> points, int index) {
        return points.stream().mapToDouble(p -> p[index]).toArray();
    }

    private static double parse(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double max(double[] values) {
        double m = Double.NaN;
        for (double v : values) {
            m = Double.isNaN(m) || v > m ? v : m;
        }
        return m;
    }
}
