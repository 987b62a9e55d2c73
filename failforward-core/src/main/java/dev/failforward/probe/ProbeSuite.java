package dev.failforward.probe;

import dev.failforward.data.Column;
import dev.failforward.data.Table;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a probe run runs: configured probes, minimum functionality tests and the columns no probe may
 * change. Read from a suite file by {@link SuiteFile}, or {@link #defaults chosen by column types}.
 *
 * @param source the suite file, or {@code default}
 */
public record ProbeSuite(String source, List<SuiteProbe> probes, List<MftCase> mft, List<String> immutable) {

    public ProbeSuite {
        probes = List.copyOf(probes);
        mft = List.copyOf(mft);
        immutable = List.copyOf(immutable);
        Set<String> names = new HashSet<>();
        for (SuiteProbe p : probes) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException(p.origin() + ": two probes are named '" + p.name()
                        + "'; give one of them a 'name'");
            }
        }
        for (MftCase m : mft) {
            if (!names.add(m.id())) {
                throw new IllegalArgumentException(m.origin() + ": two tests are named '" + m.id() + "'");
            }
        }
    }

    /** Every registered probe that has something to change in {@code test}'s feature columns (numeric probes only with numeric features, and so on). */
    public static ProbeSuite defaults(Table test) {
        List<SuiteProbe> probes = new ArrayList<>();
        for (Probe p : Probes.all()) {
            if (p.appliesTo(test)) {
                probes.add(SuiteProbe.of(p, List.of()));
            }
        }
        return new ProbeSuite("default", probes, List.of(), List.of());
    }

    /**
     * Checks everything about the suite that depends on the data before any work starts: its columns
     * (see {@link #check(Table)}), and that every minimum functionality test expects a class of the
     * target and gives values of the right types.
     */
    /** The same suite without the probes of these ids. */
    public ProbeSuite without(java.util.Set<String> ids) {
        return new ProbeSuite(source, probes.stream().filter(p -> !ids.contains(p.probe().id())).toList(), mft, immutable);
    }

    public void check(ScanData data) {
        check(data.test());
        for (MftCase m : mft) {
            if (!data.target().task().isClassification()) {
                throw new IllegalArgumentException(m.origin() + ": mft '" + m.name() + "' expects a label, but '"
                        + data.target().column() + "' is a regression target");
            }
            if (!data.target().classes().contains(m.expectLabel())) {
                throw new IllegalArgumentException(m.origin() + ": mft '" + m.name() + "': expect_label '" + m.expectLabel()
                        + "' is not a class of '" + data.target().column() + "'; classes: " + data.target().classes());
            }
            MinimumFunctionality.rows(m, data);
        }
    }

    /** Checks that every column the suite names is a feature of {@code test}; otherwise one line naming the place and the features. */
    public void check(Table test) {
        List<String> features = test.features().stream().map(Column::name).toList();
        for (String c : immutable) {
            known(c, features, source + ": 'immutable'");
        }
        for (SuiteProbe p : probes) {
            for (String c : p.columns()) {
                known(c, features, p.origin() + ": probe '" + p.name() + "'");
            }
        }
        for (MftCase m : mft) {
            for (var row : m.rows()) {
                for (String c : row.keySet()) {
                    known(c, features, m.origin() + ": mft '" + m.name() + "'");
                }
            }
        }
    }

    private static void known(String column, List<String> features, String where) {
        if (!features.contains(column)) {
            throw new IllegalArgumentException(where + " names the column '" + column
                    + "', which is not a feature of the data; features: " + features);
        }
    }
}
