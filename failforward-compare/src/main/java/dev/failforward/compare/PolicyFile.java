package dev.failforward.compare;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a gate policy from YAML with strict keys: an unknown or repeated key, a wrong type or an
 * out-of-range value is an error that names the file, line and column and the valid keys, because
 * a typo in a gate must not silently pass a model.
 *
 * <pre>
 * roc_auc: {max_drop: 0.01, significance: 0.05}
 * slices: {max_drop: 0.05, min_size: 100, significance: 0.05}
 * new_failures: {max: 50}
 * flip_rate: {max: 0.1}
 * </pre>
 */
public final class PolicyFile {

    /** Metrics a metric rule may name. */
    public static final List<String> METRICS = List.of("accuracy", "balanced_accuracy", "roc_auc", "precision", "recall",
            "f1", "precision_macro", "recall_macro", "f1_macro", "log_loss", "brier_score", "rmse", "mae", "r2");
    static final List<String> OTHER_RULES = List.of("slices", "new_failures", "flip_rate");

    private PolicyFile() {
    }

    public static Policy read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the policy " + file + ": " + e.getMessage(), e);
        }
    }

    public static Policy parse(String text, String source) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(source + ":" + where(e.getProblemMark()) + ": invalid YAML: " + e.getProblem(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException(source + ": the policy is empty; give at least one rule, such as 'roc_auc: {max_drop: 0.01}'");
        }
        List<String> valid = new ArrayList<>(METRICS);
        valid.addAll(OTHER_RULES);
        List<PolicyRule> rules = new ArrayList<>();
        for (Map.Entry<String, Node> e : mapping(root, source, "the policy", valid).entrySet()) {
            String key = e.getKey();
            Node body = e.getValue();
            switch (key) {
                case "slices" -> {
                    Map<String, Node> m = mapping(body, source, "'slices'", List.of("max_drop", "min_size", "significance"));
                    rules.add(new SliceRule(share(m, "max_drop", Policy.DEFAULT_SLICE_DROP, source),
                            (int) count(m, "min_size", Policy.DEFAULT_SLICE_MIN_SIZE, source),
                            probability(m, "significance", source)));
                }
                case "new_failures" -> {
                    Map<String, Node> m = mapping(body, source, "'new_failures'", List.of("max"));
                    rules.add(new NewFailuresRule((int) count(m, "max", -1, source)));
                }
                case "flip_rate" -> {
                    Map<String, Node> m = mapping(body, source, "'flip_rate'", List.of("max"));
                    rules.add(new FlipRateRule(share(m, "max", Double.NaN, source)));
                }
                default -> {
                    Map<String, Node> m = mapping(body, source, "'" + key + "'", List.of("max_drop", "significance"));
                    rules.add(new MetricRule(key, nonNegative(m, "max_drop", 0, source), probability(m, "significance", source)));
                }
            }
        }
        return new Policy(source, rules);
    }

    private static Map<String, Node> mapping(Node node, String source, String what, List<String> valid) {
        if (!(node instanceof MappingNode map)) {
            throw new IllegalArgumentException(source + ":" + where(node.getStartMark()) + ": " + what
                    + " must be a mapping of keys to values; valid keys: " + String.join(", ", valid));
        }
        Map<String, Node> out = new LinkedHashMap<>();
        Set<String> allowed = new LinkedHashSet<>(valid);
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new IllegalArgumentException(source + ":" + where(t.getKeyNode().getStartMark()) + ": keys of " + what + " must be plain words");
            }
            if (!allowed.contains(k.getValue())) {
                throw new IllegalArgumentException(source + ":" + where(k.getStartMark()) + ": unknown key '" + k.getValue()
                        + "' in " + what + "; valid keys: " + String.join(", ", valid));
            }
            if (out.put(k.getValue(), t.getValueNode()) != null) {
                throw new IllegalArgumentException(source + ":" + where(k.getStartMark()) + ": duplicate key '" + k.getValue()
                        + "' in " + what);
            }
        }
        return out;
    }

    private static double number(Map<String, Node> m, String key, double absent, String source) {
        Node n = m.get(key);
        if (n == null) {
            if (Double.isNaN(absent)) {
                throw new IllegalArgumentException(source + ": '" + key + "' is required");
            }
            return absent;
        }
        if (n instanceof ScalarNode s) {
            try {
                return Double.parseDouble(s.getValue());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(source + ":" + where(n.getStartMark()) + ": '" + key + "' must be a number");
    }

    private static double nonNegative(Map<String, Node> m, String key, double absent, String source) {
        double v = number(m, key, absent, source);
        if (!(v >= 0)) {
            throw new IllegalArgumentException(source + ":" + where(m.get(key).getStartMark()) + ": '" + key + "' must be at least 0, got " + v);
        }
        return v;
    }

    private static double share(Map<String, Node> m, String key, double absent, String source) {
        double v = nonNegative(m, key, absent, source);
        if (v > 1) {
            throw new IllegalArgumentException(source + ":" + where(m.get(key).getStartMark()) + ": '" + key
                    + "' is a share between 0 and 1 (0.05 = 5 points), got " + v);
        }
        return v;
    }

    private static double probability(Map<String, Node> m, String key, String source) {
        double v = number(m, key, Policy.DEFAULT_SIGNIFICANCE, source);
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(source + ":" + where(m.get(key).getStartMark()) + ": '" + key
                    + "' must be between 0 and 1, got " + v);
        }
        return v;
    }

    private static long count(Map<String, Node> m, String key, long absent, String source) {
        double v = number(m, key, absent < 0 ? Double.NaN : absent, source);
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + ":" + where(m.get(key).getStartMark()) + ": '" + key
                    + "' must be a whole number of at least 0, got " + Reasons.number(v));
        }
        return (long) v;
    }

    private static String where(Mark mark) {
        return mark == null ? "" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }
}
