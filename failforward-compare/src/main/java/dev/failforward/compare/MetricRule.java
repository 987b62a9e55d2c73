package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * A metric must not drop significantly by more than {@code maxDrop}: it blocks when the candidate
 * is worse by more than {@code maxDrop} (in the metric's units) and the paired test's p-value is
 * below {@code significance}.
 */
@PublicApi
public record MetricRule(String metric, double maxDrop, double significance) implements PolicyRule {

    @Override
    public String name() {
        return metric;
    }

    @Override
    public RuleResult evaluate(Comparison c) {
        String what = metric + " must not drop by more than " + Reasons.number(maxDrop) + " with p < " + Reasons.number(significance);
        MetricDelta d = c.metrics().stream().filter(m -> m.metric().equals(metric)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("the policy names metric '" + metric + "', which this comparison does not have; metrics are "
                        + c.metrics().stream().map(MetricDelta::metric).toList()));
        if (d.drop() > maxDrop && d.pValue() < significance) {
            return new RuleResult(metric, what, List.of(String.format(java.util.Locale.ROOT,
                    "%s dropped from %.4f to %.4f (%+.4f, 95%% CI %+.4f to %+.4f, %s p=%s), more than the allowed %s",
                    metric, d.baseline(), d.candidate(), d.difference(), d.ciLow(), d.ciHigh(), d.test(),
                    Reasons.p(d.pValue()), Reasons.number(maxDrop))));
        }
        return new RuleResult(metric, what, List.of());
    }
}
