package dev.failforward.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups overlapping slices so that a report shows distinct problems: going from the best
 * slice down, a slice joins the first group whose leader shares at least {@code overlap} of the
 * smaller slice's rows, else it leads a new group.
 */
public final class SliceGroups {

    /** A leader slice and the variants that overlap it. */
    public record Group(Slice leader, long[] rows, List<Slice> variants) {
    }

    private SliceGroups() {
    }

    public static List<Group> of(FeatureCodes codes, List<Slice> bestFirst, double overlap) {
        List<Group> groups = new ArrayList<>();
        for (Slice s : bestFirst) {
            long[] rows = SliceSearch.rows(codes, s);
            Group joined = null;
            for (Group g : groups) {
                int common = SliceSearch.popcountAnd(rows, g.rows());
                if (common >= overlap * Math.min(s.size(), g.leader().size())) {
                    joined = g;
                    break;
                }
            }
            if (joined == null) {
                groups.add(new Group(s, rows, new ArrayList<>()));
            } else {
                joined.variants().add(s);
            }
        }
        return groups;
    }
}
