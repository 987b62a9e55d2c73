package dev.failforward.compare;

import dev.failforward.api.PublicApi;
import dev.failforward.model.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * What blocks a deployment: a list of rules, each judged on the comparison. The default policy is
 * that the primary metric (ROC AUC for classification, RMSE for regression) must not drop
 * significantly (p &lt; 0.05), and that no slice of at least 100 rows may lose more than 5 points
 * of accuracy significantly (BH-adjusted p &lt; 0.05).
 */
@PublicApi
public record Policy(String source, List<PolicyRule> rules) {

    public static final double DEFAULT_SIGNIFICANCE = 0.05;
    public static final double DEFAULT_SLICE_DROP = 0.05;
    public static final int DEFAULT_SLICE_MIN_SIZE = 100;

    public Policy {
        rules = List.copyOf(rules);
    }

    public static Policy defaults(Task task) {
        return new Policy("default", List.of(new MetricRule(primaryMetric(task), 0, DEFAULT_SIGNIFICANCE),
                new SliceRule(DEFAULT_SLICE_DROP, DEFAULT_SLICE_MIN_SIZE, DEFAULT_SIGNIFICANCE)));
    }

    public static String primaryMetric(Task task) {
        return task.isClassification() ? "roc_auc" : "rmse";
    }

    /** The smallest slice the search should examine: the slice rule's, or the default. */
    public int sliceMinSize() {
        return rules.stream().filter(r -> r instanceof SliceRule).map(r -> ((SliceRule) r).minSize()).findFirst()
                .orElse(DEFAULT_SLICE_MIN_SIZE);
    }

    public Verdict judge(Comparison comparison) {
        List<RuleResult> results = new ArrayList<>();
        for (PolicyRule rule : rules) {
            results.add(rule.evaluate(comparison));
        }
        return new Verdict(source, results);
    }
}
