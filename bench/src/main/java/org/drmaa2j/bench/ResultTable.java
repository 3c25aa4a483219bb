package org.drmaa2j.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown table a benchmark run prints: one row per measure with our figure, the scheduler's
 * own command line beside it, the ratio, the target and whether it was met. Rows are also printed
 * as {@code ROW|…} lines so that the host-side runner can collect rows measured inside a container.
 */
final class ResultTable {
    static final String ROW_PREFIX = "ROW|";
    private final List<String[]> rows = new ArrayList<>();

    void add(String measure, String ours, String theirs, String ratio, String target, String verdict) {
        rows.add(new String[] {measure, ours, theirs, ratio, target, verdict});
        System.out.println(ROW_PREFIX + String.join("|", measure, ours, theirs, ratio, target, verdict));
    }

    void addRaw(String line) {
        rows.add(line.substring(ROW_PREFIX.length()).split("\\|", -1));
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("| measure | drmaa2j | scheduler's own command line | ratio | target | met |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (String[] r : rows) sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        return sb.toString();
    }

    static String fmt(double v) {
        return v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
