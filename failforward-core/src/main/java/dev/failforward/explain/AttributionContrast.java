package dev.failforward.explain;

import dev.failforward.api.PublicApi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What separates a run's failures from its correct predictions: mean |attribution| per feature
 * on each side, over all explained rows and inside each weak slice ("what drives the failures
 * here"). Kept as summaries, so a report can draw it long after the model and data are gone.
 */
@PublicApi
public record AttributionContrast(String method, String scale, List<Group> groups) {

    public AttributionContrast {
        groups = List.copyOf(groups);
    }

    /**
     * One group of rows: {@code slice} is {@code null} for all rows, else the weak slice's
     * predicates; {@code size} and {@code errors} count the group's rows and failed rows; the means
     * are over the explained failures and correct predictions that fall in it.
     */
    public record Group(String slice, int size, int errors, int failuresExplained, int correctExplained,
                        Map<String, Double> onFailures, Map<String, Double> onCorrect) {

        public Group {
            onFailures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(onFailures));
            onCorrect = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(onCorrect));
        }

        /** A group from its explanations. */
        public static Group of(String slice, int size, int errors, Collection<Explanation> failures, Collection<Explanation> correct) {
            return new Group(slice, size, errors, failures.size(), correct.size(), meanAbsolute(failures), meanAbsolute(correct));
        }

        public boolean overall() {
            return slice == null;
        }
    }

    /** The group of all rows, if present. */
    public java.util.Optional<Group> overall() {
        return groups.stream().filter(Group::overall).findFirst();
    }

    /** The weak-slice groups, in the order found (best slice first). */
    public List<Group> slices() {
        return groups.stream().filter(g -> !g.overall()).toList();
    }

    /** Mean |attribution| per feature over these explanations (a feature absent from one counts as 0 there). */
    public static Map<String, Double> meanAbsolute(Collection<Explanation> explanations) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (Explanation e : explanations) {
            e.attributions().forEach(a -> sum.merge(a.feature(), Math.abs(a.value()), Double::sum));
        }
        int n = explanations.size();
        sum.replaceAll((k, v) -> v / n);
        return sum;
    }
}
