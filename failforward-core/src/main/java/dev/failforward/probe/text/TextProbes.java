package dev.failforward.probe.text;

import dev.failforward.data.Table;

/** Whether a table gives the text probes anything to change. */
public final class TextProbes {

    private TextProbes() {
    }

    /** Whether {@code table} has a text feature column for text probes to change. */
    public static boolean hasText(Table table) {
        return !TextRows.textFeatures(table).isEmpty();
    }
}
