// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown table a benchmark run prints: one row per measure with our figure, the reference it is
 * compared with (the scheduler's own command line, a bare loop, Grid Engine's binding), the ratio, the
 * target and whether it was met. Rows are also printed as {@code ROW|…} lines so that the host-side
 * runner can collect rows measured inside a container.
 */
public final class ResultTable {
    static final String ROW_PREFIX = "ROW|";
    private final List<String[]> rows = new ArrayList<>();

    /**
     * Adds a row and prints it as a {@code ROW|…} line.
     *
     * @param measure   what was measured, with its unit
     * @param ours      drmaa2j's figure (median)
     * @param reference the figure it is compared with, saying what that is; {@code -} if none
     * @param ratio     ours / reference, e.g. {@code 1.07×}; {@code -} if none
     * @param target    the target, e.g. {@code ≤ 1.15×}
     * @param verdict   {@code yes}, {@code no}, or {@code no: <reason>}
     */
    public synchronized void add(String measure, String ours, String reference, String ratio, String target, String verdict) {
        String[] row = {measure, ours, reference, ratio, target, verdict};
        for (int i = 0; i < row.length; i++) row[i] = row[i] == null ? "-" : row[i].replace('|', '/').replace('\n', ' ');
        rows.add(row);
        System.out.println(ROW_PREFIX + String.join("|", row));
    }

    synchronized void addRaw(String line) {
        rows.add(line.substring(ROW_PREFIX.length()).split("\\|", -1));
    }

    synchronized int size() {
        return rows.size();
    }

    synchronized String markdown() {
        StringBuilder sb = new StringBuilder("| measure | drmaa2j | compared with | ratio | target | met |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (String[] r : rows) sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        return sb.toString();
    }

    /**
     * @param v a number
     * @return it with three significant figures at most (no grouping, dot as decimal separator)
     */
    public static String fmt(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(java.util.Locale.ROOT, f, v);
    }

    /**
     * @param ours      our figure
     * @param reference the figure compared with
     * @return {@code ours / reference} formatted with a {@code ×}
     */
    public static String ratio(double ours, double reference) {
        return fmt(ours / reference) + "×";
    }
}
