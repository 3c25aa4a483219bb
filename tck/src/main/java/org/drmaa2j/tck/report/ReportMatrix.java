// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every assertion across every run: the rows and columns of the report. */
final class ReportMatrix {
    /** Orders ids like {@code JOB-2} before {@code JOB-10}. */
    static final Comparator<String> ID_ORDER = Comparator.comparing((String id) -> id.replaceAll("-?\\d+$", ""))
            .thenComparingInt(id -> {
                String n = id.replaceAll("^.*?(\\d+)$", "$1");
                return n.matches("\\d+") ? Integer.parseInt(n) : 0;
            }).thenComparing(Comparator.naturalOrder());

    final List<RunResult> runs;
    final Map<String, String> descriptions = new TreeMap<>(ID_ORDER);
    final Map<String, String> sections = new TreeMap<>(ID_ORDER);
    final List<Map<String, AssertionResult>> byRun = new ArrayList<>();

    ReportMatrix(List<RunResult> runs) {
        this.runs = runs;
        for (RunResult r : runs) {
            Map<String, AssertionResult> m = new LinkedHashMap<>();
            for (AssertionResult a : r.results()) {
                m.put(a.id(), a);
                descriptions.putIfAbsent(a.id(), a.description());
                if (a.section() != null) sections.putIfAbsent(a.id(), a.section());
            }
            byRun.add(m);
        }
    }

    /** @return how many distinct assertions appear */
    int assertionCount() {
        return descriptions.size();
    }

    /** @param id an assertion id @return the DRMAA2 section it checks, or "" when the results predate sections */
    String section(String id) {
        return sections.getOrDefault(id, "");
    }

    /** @param run index of a run @param id an assertion id @return its outcome there, or "—" */
    String outcome(int run, String id) {
        AssertionResult a = byRun.get(run).get(id);
        return a == null ? "—" : a.outcome();
    }
}
