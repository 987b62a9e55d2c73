package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.List;

/** The verdict of one policy rule: its name, what it checks, and why it blocks (empty when it passes). */
@PublicApi
public record RuleResult(String rule, String description, List<String> reasons) {

    public RuleResult {
        reasons = List.copyOf(reasons);
    }

    public boolean passed() {
        return reasons.isEmpty();
    }
}
