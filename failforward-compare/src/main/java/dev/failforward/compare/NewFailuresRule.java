package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.List;

/** At most {@code max} rows the baseline got right may fail with the candidate. */
@PublicApi
public record NewFailuresRule(int max) implements PolicyRule {

    @Override
    public String name() {
        return "new_failures";
    }

    @Override
    public RuleResult evaluate(Comparison c) {
        int n = c.failureDiff().newFailures();
        String what = "at most " + max + " new failures";
        return new RuleResult(name(), what, n > max
                ? List.of(n + " new failures (rows the baseline got right), more than the allowed " + max
                        + "; " + c.failureDiff().fixed() + " fixed")
                : List.of());
    }
}
