package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Locale;

/** At most a share {@code max} of rows may change their predicted class between the models. */
@PublicApi
public record FlipRateRule(double max) implements PolicyRule {

    @Override
    public String name() {
        return "flip_rate";
    }

    @Override
    public RuleResult evaluate(Comparison c) {
        String what = "at most " + Reasons.number(max) + " of rows may change their predicted class";
        if (Double.isNaN(c.flipRate())) {
            throw new IllegalArgumentException("flip_rate applies to classification; this comparison is " + c.task());
        }
        return new RuleResult(name(), what, c.flipRate() > max
                ? List.of(String.format(Locale.ROOT, "%.4f of rows changed their predicted class, more than the allowed %s",
                        c.flipRate(), Reasons.number(max)))
                : List.of());
    }
}
