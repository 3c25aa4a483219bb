// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the delimited text that scheduler commands print ({@code sacct -P}, {@code squeue -o},
 * {@code bjobs -noheader -o … delimiter=}) into rows keyed by column name. Column names come from
 * a header line or are given by the caller when the command ran without one. The last column may
 * contain the delimiter (put free text such as job names last); rows with too few fields are
 * reported, never guessed.
 */
public final class DelimitedTable {
    private final List<String> columns;
    private final List<Map<String, String>> rows;
    private final List<String> malformed;

    private DelimitedTable(List<String> columns, List<Map<String, String>> rows, List<String> malformed) {
        this.columns = columns;
        this.rows = rows;
        this.malformed = malformed;
    }

    /**
     * Parses text whose first non-blank line is a header.
     *
     * @param text command output
     * @param delimiter the field delimiter, literal
     * @return the table
     */
    public static DelimitedTable withHeader(String text, String delimiter) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) return new DelimitedTable(List.of(), List.of(), List.of());
        List<String> cols = List.of(lines.get(0).split(Pattern.quote(delimiter), -1));
        return parse(cols, lines.subList(1, lines.size()), delimiter);
    }

    /**
     * Parses header-less text whose columns the caller knows.
     *
     * @param text command output
     * @param delimiter the field delimiter, literal
     * @param columns the column names, in order
     * @return the table
     */
    public static DelimitedTable withColumns(String text, String delimiter, List<String> columns) {
        return parse(List.copyOf(columns), lines(text), delimiter);
    }

    private static DelimitedTable parse(List<String> cols, List<String> lines, String delimiter) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Pattern split = delimiter.isEmpty() ? Pattern.compile(Pattern.quote(delimiter)) : null;
        String[] keys = cols.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
        String[] f = new String[keys.length];
        int capacity = keys.length * 4 / 3 + 1;
        for (String line : lines) {
            int n = split == null ? fields(line, delimiter, f) : copy(split.split(line, keys.length), f);
            if (n < keys.length) {
                // a trailing delimiter (sacct --parsable) leaves one empty field too many, never too few
                bad.add(line);
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>(capacity);
            for (int i = 0; i < keys.length; i++) row.put(keys[i], f[i].trim());
            rows.add(row);
        }
        return new DelimitedTable(cols, List.copyOf(rows), List.copyOf(bad));
    }

    /**
     * Splits like {@code Pattern.compile(Pattern.quote(delimiter)).split(line, out.length)}: at most
     * {@code out.length} fields, the last one holding the rest of the line.
     *
     * @return how many fields were found
     */
    private static int fields(String line, String delimiter, String[] out) {
        int n = 0;
        int start = 0;
        while (n < out.length - 1) {
            int at = line.indexOf(delimiter, start);
            if (at < 0) break;
            out[n++] = line.substring(start, at);
            start = at + delimiter.length();
        }
        out[n++] = line.substring(start);
        return n;
    }

    private static int copy(String[] fields, String[] out) {
        int n = Math.min(fields.length, out.length);
        System.arraycopy(fields, 0, out, 0, n);
        return n;
    }

    /** @return the non-blank lines, split at "\n" or "\r\n" */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? length : nl;
            int stop = nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : end;
            if (!isBlank(text, start, stop)) out.add(text.substring(start, stop));
            if (nl < 0) break;
            start = nl + 1;
        }
        return out;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) return false;
        }
        return true;
    }

    /** @return the column names as given */
    public List<String> columns() {
        return columns;
    }

    /** @return the rows; keys are the column names in lower case */
    public List<Map<String, String>> rows() {
        return rows;
    }

    /** @return lines that had fewer fields than columns, as they were */
    public List<String> malformed() {
        return malformed;
    }
}
