// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

import java.util.Map;

/** Renders the report matrix as Markdown. */
final class MarkdownReport {
    String render(ReportMatrix m) {
        StringBuilder sb = new StringBuilder("# drmaa2j TCK report\n\n");
        sb.append(m.assertionCount()).append(" assertions, ").append(m.runs.size()).append(" run(s). The section is the part of ")
                .append("DRMAA2 (GFD.194) an assertion checks, or drmaa2j for a rule of this project.\n\n");
        for (RunResult r : m.runs) sb.append("- ").append(r.label()).append(": ").append(r.summary()).append('\n');
        sb.append('\n');
        sb.append("| run | scheduler | implementation | assertions | passed | failed | unsupported | excluded |\n|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : m.runs) {
            sb.append("| ").append(cell(r.label())).append(" | ").append(cell(r.run().get("drms"))).append(" | ")
                    .append(cell(r.run().get("drmaa"))).append(" | ").append(r.results().size()).append(" | ")
                    .append(r.count(AssertionResult.PASS)).append(" | ").append(r.count(AssertionResult.FAIL)).append(" | ")
                    .append(r.count(AssertionResult.UNSUPPORTED)).append(" | ").append(r.count(AssertionResult.EXCLUDED)).append(" |\n");
        }
        sb.append("\n## Assertions\n\n| id | section | assertion |");
        for (RunResult r : m.runs) sb.append(' ').append(cell(r.label())).append(" |");
        sb.append("\n|---|---|---|");
        sb.append("---|".repeat(m.runs.size())).append('\n');
        for (Map.Entry<String, String> e : m.descriptions.entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(cell(m.section(e.getKey()))).append(" | ").append(cell(e.getValue())).append(" |");
            for (int i = 0; i < m.runs.size(); i++) sb.append(' ').append(m.outcome(i, e.getKey())).append(" |");
            sb.append('\n');
        }
        listing(sb, m, AssertionResult.EXCLUDED, "Exclusions", "reason");
        listing(sb, m, AssertionResult.FAIL, "Failures", "message");
        return sb.toString();
    }

    private static void listing(StringBuilder sb, ReportMatrix m, String outcome, String title, String what) {
        boolean header = false;
        for (int i = 0; i < m.runs.size(); i++) {
            for (AssertionResult a : m.byRun.get(i).values()) {
                if (!outcome.equals(a.outcome())) continue;
                if (!header) {
                    sb.append("\n## ").append(title).append("\n\n| run | id | test | ").append(what).append(" |\n|---|---|---|---|\n");
                    header = true;
                }
                sb.append("| ").append(cell(m.runs.get(i).label())).append(" | ").append(a.id()).append(" | ")
                        .append(cell(a.test())).append(" | ").append(cell(a.message())).append(" |\n");
            }
        }
    }

    private static String cell(String s) {
        if (s == null) return "";
        String one = s.replace("\r", "").replace("\n", " ⏎ ").replace("|", "\\|");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
