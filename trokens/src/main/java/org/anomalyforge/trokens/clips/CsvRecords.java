package org.anomalyforge.trokens.clips;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 CSV: comma separators, double-quoted fields with {@code ""} escapes and embedded line
 * breaks, CRLF or LF record ends. Keeps the physical line on which each record starts, for error messages.
 */
final class CsvRecords {

    /** One record and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {}

    private CsvRecords() {}

    /** @throws IllegalArgumentException naming the line of an unterminated quoted field */
    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
                    fields.add(field.toString());
                    rows.add(new Row(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + recordLine + ": unterminated quoted field");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(recordLine, List.copyOf(fields)));
        }
        return rows;
    }

    /** Quotes a field when it holds a comma, quote or line break. */
    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
