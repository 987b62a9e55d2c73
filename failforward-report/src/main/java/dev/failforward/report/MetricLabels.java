package dev.failforward.report;

import dev.failforward.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What people call the metrics, and which few a report shows first for each task. */
final class MetricLabels {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("accuracy", "Accuracy"), Map.entry("balanced_accuracy", "Balanced accuracy"),
            Map.entry("roc_auc", "ROC AUC"), Map.entry("precision", "Precision"), Map.entry("recall", "Recall"),
            Map.entry("f1", "F1"), Map.entry("precision_macro", "Precision (macro)"),
            Map.entry("recall_macro", "Recall (macro)"), Map.entry("f1_macro", "F1 (macro)"),
            Map.entry("log_loss", "Log loss"), Map.entry("brier_score", "Brier score"), Map.entry("rmse", "RMSE"),
            Map.entry("mae", "MAE"), Map.entry("r2", "R²"));

    private static final Map<Task, List<String>> HEADLINE = Map.of(
            Task.BINARY_CLASSIFICATION, List.of("roc_auc", "accuracy", "f1", "log_loss"),
            Task.MULTICLASS_CLASSIFICATION, List.of("accuracy", "f1_macro", "roc_auc", "log_loss"),
            Task.REGRESSION, List.of("rmse", "mae", "r2"));

    private MetricLabels() {
    }

    static String label(String key) {
        String known = NAMES.get(key);
        if (known != null) {
            return known;
        }
        String words = key.replace('_', ' ').trim();
        return words.isEmpty() ? key : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** Up to four metrics for the summary: the usual ones for the task that are present, else the first ones. */
    static List<String> headline(Task task, Map<String, Double> metrics) {
        List<String> out = new ArrayList<>();
        for (String key : HEADLINE.getOrDefault(task, List.of())) {
            if (metrics.containsKey(key)) {
                out.add(key);
            }
        }
        if (out.isEmpty()) {
            metrics.keySet().stream().limit(4).forEach(out::add);
        }
        return out;
    }
}
