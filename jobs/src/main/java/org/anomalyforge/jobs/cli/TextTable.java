package org.anomalyforge.jobs.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header, right-aligned numbers and left-aligned text. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the header " + header.size());
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    @Override
    public String toString() {
        int[] width = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
                numeric[c] &= r.get(c).matches("-?[0-9.,]+%?|-|n/a");
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, header, width, numeric);
        for (int c = 0; c < width.length; c++) {
            s.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        s.append('\n');
        for (List<String> r : rows) {
            line(s, r, width, numeric);
        }
        return s.toString();
    }

    private static void line(StringBuilder s, List<String> cells, int[] width, boolean[] numeric) {
        for (int c = 0; c < width.length; c++) {
            String v = cells.get(c);
            String pad = " ".repeat(width[c] - v.length());
            s.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + v : v + (c == width.length - 1 ? "" : pad));
        }
        s.append('\n');
    }
}
