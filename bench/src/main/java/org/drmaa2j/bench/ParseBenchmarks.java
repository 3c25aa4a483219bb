// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.drmaa2j.Extensions;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.flux.FluxBenchAccess;
import org.drmaa2j.lsf.LsfBenchAccess;
import org.drmaa2j.pbs.PbsBenchAccess;
import org.drmaa2j.slurm.SlurmBenchAccess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH: each operation parses one whole {@value ParseInputs#ROWS}-job scheduler output into JobInfos
 * with the driver's own parser, or renders {@value ParseInputs#ROWS} Slurm submissions (command line
 * and job script).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseBenchmarks {
    private String squeue;
    private String sacct;
    private String qstat;
    private String bjobs;
    private String flux;
    private List<JobTemplate> templates;
    private Function<JobTemplate, Object> slurmSubmit;

    @Setup
    public void setUp() {
        squeue = ParseInputs.squeue();
        sacct = ParseInputs.sacct();
        qstat = ParseInputs.qstatJson();
        bjobs = ParseInputs.bjobsJson();
        flux = ParseInputs.fluxJobsJson();
        templates = templates(ParseInputs.ROWS);
        slurmSubmit = SlurmBenchAccess.submitCommands("/home/user");
    }

    /** @return varied templates: names, arguments, paths, resources, each with user text to quote */
    static List<JobTemplate> templates(int n) {
        List<JobTemplate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(JobTemplate.builder("/usr/bin/env")
                    .args("python3", "step.py", "--input", "data/part-" + i + ".csv", "--label", "it's job #" + i)
                    .jobName("step-" + i)
                    .workingDirectory("$DRMAA2_HOME_DIR$/runs/" + (i % 100))
                    .outputPath("$DRMAA2_WORKING_DIR$/out-" + i + ".txt")
                    .env("RUN_ID", "r" + i)
                    .minSlots((long) (1 + i % 8))
                    .extension(Extensions.MEMORY_PER_NODE_MB, Integer.toString(1024 + i % 4096))
                    .build());
        }
        return out;
    }

    @Benchmark
    public Object squeue() {
        return SlurmBenchAccess.squeue(squeue, ParseInputs.SQUEUE_DELIMITER, ParseInputs.SQUEUE_COLUMNS);
    }

    @Benchmark
    public Object sacct() {
        return SlurmBenchAccess.sacct(sacct, ParseInputs.SACCT_DELIMITER, ParseInputs.SACCT_COLUMNS);
    }

    @Benchmark
    public Object qstatJson() {
        return PbsBenchAccess.qstatJson(qstat);
    }

    @Benchmark
    public Object qstatJsonViaTree() {
        return PbsBenchAccess.qstatJsonViaTree(qstat);
    }

    @Benchmark
    public Object bjobsJson() {
        return LsfBenchAccess.bjobsJson(bjobs);
    }

    @Benchmark
    public Object fluxJobsJson() {
        return FluxBenchAccess.jobsJson(flux);
    }

    @Benchmark
    public void renderSlurmSubmissions(Blackhole bh) {
        for (JobTemplate t : templates) bh.consume(slurmSubmit.apply(t));
    }
}
