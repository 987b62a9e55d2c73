package dev.failforward.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for terminal output. */
final class TextTable {

    private static final int MAX_WIDTH = 40;

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = java.util.Arrays.stream(header).map(Text::safe).toList();
    }

    TextTable add(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(Text.clip(c == null ? "" : String.valueOf(c), MAX_WIDTH));
        }
        rows.add(row);
        return this;
    }

    void print(PrintStream out) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        line(out, header, width);
        for (List<String> r : rows) {
            line(out, r, width);
        }
    }

    private static void line(PrintStream out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", cells.get(i)));
        }
        out.println(sb.toString().stripTrailing());
    }
}
