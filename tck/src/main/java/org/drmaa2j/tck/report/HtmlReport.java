// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

import java.util.Map;

/** Renders the report matrix as one self-contained HTML page. */
final class HtmlReport {
    String render(ReportMatrix m) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>drmaa2j TCK report</title>\n<style>"
                + "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
                + ".pass{background:#d4f4d4}.fail{background:#f8d0d0}.unsupported{background:#eee;color:#555}"
                + ".excluded{background:#fdf1c7}</style></head><body>\n");
        sb.append("<h1>drmaa2j TCK report</h1>\n<p>").append(m.assertionCount()).append(" assertions, ").append(m.runs.size())
                .append(" run(s). The section is the part of DRMAA2 (GFD.194) an assertion checks, or drmaa2j for a rule of this project.</p>\n<ul>");
        for (RunResult r : m.runs) sb.append("<li>").append(esc(r.label() + ": " + r.summary())).append("</li>");
        sb.append("</ul>\n");
        sb.append("<table><tr><th>run</th><th>scheduler</th><th>implementation</th><th>assertions</th><th>passed</th><th>failed</th><th>unsupported</th><th>excluded</th></tr>\n");
        for (RunResult r : m.runs) {
            sb.append("<tr><td>").append(esc(r.label())).append("</td><td>").append(esc(r.run().get("drms"))).append("</td><td>")
                    .append(esc(r.run().get("drmaa"))).append("</td><td>").append(r.results().size()).append("</td><td>")
                    .append(r.count(AssertionResult.PASS)).append("</td><td>").append(r.count(AssertionResult.FAIL)).append("</td><td>")
                    .append(r.count(AssertionResult.UNSUPPORTED)).append("</td><td>").append(r.count(AssertionResult.EXCLUDED))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Assertions</h2>\n<table><tr><th>id</th><th>section</th><th>assertion</th>");
        for (RunResult r : m.runs) sb.append("<th>").append(esc(r.label())).append("</th>");
        sb.append("</tr>\n");
        for (Map.Entry<String, String> e : m.descriptions.entrySet()) {
            sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(m.section(e.getKey()))).append("</td><td>")
                    .append(esc(e.getValue())).append("</td>");
            for (int i = 0; i < m.runs.size(); i++) {
                AssertionResult a = m.byRun.get(i).get(e.getKey());
                String o = m.outcome(i, e.getKey());
                String title = a == null ? "" : a.test() + (a.message() == null ? "" : ": " + a.message())
                        + (a.capability() == null ? "" : " (" + a.capability() + ")");
                sb.append("<td class=\"").append(esc(o)).append("\" title=\"").append(esc(title)).append("\">").append(esc(o)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
        listing(sb, m, AssertionResult.EXCLUDED, "Exclusions", "reason");
        listing(sb, m, AssertionResult.FAIL, "Failures", "message");
        return sb.append("</body></html>\n").toString();
    }

    private static void listing(StringBuilder sb, ReportMatrix m, String outcome, String title, String what) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < m.runs.size(); i++) {
            for (AssertionResult a : m.byRun.get(i).values()) {
                if (!outcome.equals(a.outcome())) continue;
                rows.append("<tr><td>").append(esc(m.runs.get(i).label())).append("</td><td>").append(esc(a.id()))
                        .append("</td><td>").append(esc(a.test())).append("</td><td><pre>").append(esc(a.message())).append("</pre></td></tr>\n");
            }
        }
        if (rows.length() > 0) {
            sb.append("<h2>").append(title).append("</h2>\n<table><tr><th>run</th><th>id</th><th>test</th><th>").append(what)
                    .append("</th></tr>\n").append(rows).append("</table>\n");
        }
    }

    private static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
