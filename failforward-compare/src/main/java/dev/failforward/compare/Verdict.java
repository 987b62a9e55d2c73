package dev.failforward.compare;

import dev.failforward.api.PublicApi;

import java.util.List;

/** What a policy says about a comparison: one result per rule; blocked when any rule blocks. */
@PublicApi
public record Verdict(String policy, List<RuleResult> results) {

    public Verdict {
        results = List.copyOf(results);
    }

    public boolean blocked() {
        return results.stream().anyMatch(r -> !r.passed());
    }

    /** Every blocking reason, one line each, prefixed by its rule. */
    public List<String> reasons() {
        return results.stream().flatMap(r -> r.reasons().stream().map(x -> r.rule() + ": " + x)).toList();
    }
}
