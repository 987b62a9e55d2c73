package dev.failforward.probe;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A registered probe as a suite configures it: its own name (the failures' origin is
 * {@code probe:<name>}), levels, the columns it may change (empty: every feature), the columns it
 * must never change (the suite's immutable ones) and the expectation it is judged by. The wrapped
 * probe only sees the allowed columns as features, and whatever it does to the others is undone,
 * so no probe needs to know about restrictions.
 *
 * @param origin where the suite declared it (file:line:column), for error messages
 */
public record SuiteProbe(Probe probe, String name, List<Double> levels, List<String> columns, List<String> immutable,
                         Expectation expectation, String origin) implements Probe {

    public SuiteProbe {
        levels = List.copyOf(levels);
        columns = List.copyOf(columns);
        immutable = List.copyOf(immutable);
    }

    /** The probe as registered: its id, default levels and expectation, every column but the immutable ones. */
    public static SuiteProbe of(Probe probe, List<String> immutable) {
        return new SuiteProbe(probe, probe.id(), probe.levels(), List.of(), immutable, probe.expectation(), probe.id());
    }

    @Override
    public String id() {
        return name;
    }

    @Override
    public String description() {
        return probe.description() + (columns.isEmpty() ? "" : " (only " + String.join(", ", columns) + ")");
    }

    @Override
    public Probe fit(Table train) {
        return new SuiteProbe(probe.fit(train), name, levels, columns, immutable, expectation, origin);
    }

    @Override
    public boolean appliesTo(Table test) {
        return probe.appliesTo(view(test));
    }

    @Override
    public boolean judges(boolean predictedWatchedClass) {
        return probe.judges(predictedWatchedClass);
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        Table out = probe.perturb(view(test), level, seed);
        for (String name : frozen(test)) {
            out = out.replace(test.column(name)).withRole(name, ColumnRole.FEATURE);
        }
        return out;
    }

    /** {@code test} with the columns this probe must leave alone no longer marked as features. */
    private Table view(Table test) {
        Table view = test;
        for (String name : frozen(test)) {
            view = view.withRole(name, ColumnRole.IGNORED);
        }
        return view;
    }

    private List<String> frozen(Table test) {
        List<String> out = new ArrayList<>();
        for (Column c : test.features()) {
            if (immutable.contains(c.name()) || !columns.isEmpty() && !columns.contains(c.name())) {
                out.add(c.name());
            }
        }
        return out;
    }
}
