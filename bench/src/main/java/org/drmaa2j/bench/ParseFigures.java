// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link ParseBenchmarks} with JMH (one fork) and reports the median of its measurement iterations. */
public final class ParseFigures implements FigureGroup {
    static final double PARSE_TARGET_MS = 50;

    private static final Map<String, String> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("squeue", "parse 10,000 rows of squeue (ms)");
        MEASURES.put("sacct", "parse 10,000 jobs of sacct --parsable, with their steps (ms)");
        MEASURES.put("qstatJson", "parse 10,000 jobs of qstat -f -F json (ms)");
        MEASURES.put("bjobsJson", "parse 10,000 records of bjobs -json (ms)");
        MEASURES.put("fluxJobsJson", "parse 10,000 jobs of flux jobs --json (ms)");
        MEASURES.put("renderSlurmSubmissions", "render 10,000 Slurm submissions: sbatch argv and job script (ms)");
    }

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        Options opt = new OptionsBuilder()
                .include(ParseBenchmarks.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g")
                .build();
        Map<String, Double> medians = new LinkedHashMap<>();
        for (RunResult r : new Runner(opt).run()) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            medians.put(method, r.getPrimaryResult().getStatistics().getPercentile(50));
        }
        for (Map.Entry<String, String> m : MEASURES.entrySet()) {
            Double ms = medians.get(m.getKey());
            if (ms == null) {
                table.add(m.getValue(), "-", "-", "-", "-", "no: not measured");
            } else if (m.getKey().equals("qstatJson") && medians.containsKey("qstatJsonViaTree")) {
                double tree = medians.get("qstatJsonViaTree");
                table.add(m.getValue(), ResultTable.fmt(ms), ResultTable.fmt(tree) + " (the tree reader used before)",
                        ResultTable.ratio(ms, tree), "< " + ResultTable.fmt(PARSE_TARGET_MS) + " ms", ms < PARSE_TARGET_MS ? "yes" : "no");
            } else if (m.getKey().startsWith("render")) {
                table.add(m.getValue(), ResultTable.fmt(ms) + " (" + ResultTable.fmt(ms * 1000 / ParseInputs.ROWS) + " µs each)",
                        "-", "-", "-", "-");
            } else {
                table.add(m.getValue(), ResultTable.fmt(ms), "-", "-", "< " + ResultTable.fmt(PARSE_TARGET_MS) + " ms",
                        ms < PARSE_TARGET_MS ? "yes" : "no");
            }
        }
    }
}
