package dev.failforward.compare;

import dev.failforward.api.PublicApi;

/** One rule of a gate {@link Policy}: looks at a finished comparison and says whether it blocks. */
@PublicApi
public sealed interface PolicyRule permits MetricRule, SliceRule, NewFailuresRule, FlipRateRule {

    /** The key of the rule in the policy file, such as {@code roc_auc} or {@code slices}. */
    String name();

    RuleResult evaluate(Comparison comparison);
}
