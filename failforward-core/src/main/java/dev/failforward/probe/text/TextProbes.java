package dev.failforward.probe.text;

import dev.failforward.data.Table;
import dev.failforward.probe.Probe;

import java.util.List;

/** Which probes are text probes, and whether a table gives them anything to change. */
public final class TextProbes {

    private TextProbes() {
    }

    /** Whether {@code probe} is one of the text probes of this package. */
    public static boolean isTextProbe(Probe probe) {
        return probe.getClass().getPackageName().equals(TextProbes.class.getPackageName());
    }

    /** Whether {@code table} has a text feature column for text probes to change. */
    public static boolean hasText(Table table) {
        return !TextRows.textFeatures(table).isEmpty();
    }

    /** {@code probes} without the text probes when {@code table} has no text feature: they would change nothing. */
    public static List<Probe> applicable(List<Probe> probes, Table table) {
        return hasText(table) ? probes : probes.stream().filter(p -> !isTextProbe(p)).toList();
    }
}
