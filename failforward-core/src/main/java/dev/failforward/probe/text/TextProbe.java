package dev.failforward.probe.text;

import dev.failforward.data.Table;
import dev.failforward.probe.Probe;

/** A probe that changes text feature columns only, so it joins a suite only when there is one. */
public interface TextProbe extends Probe {

    /** Whether {@code table} has a text feature column for text probes to change. */
    static boolean hasText(Table table) {
        return !TextRows.textFeatures(table).isEmpty();
    }

    @Override
    default boolean appliesTo(Table test) {
        return hasText(test);
    }
}
