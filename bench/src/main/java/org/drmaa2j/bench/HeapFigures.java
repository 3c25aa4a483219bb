// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.session.GenericSessionManager;

/**
 * Heap retained per tracked job: one session tracking {@value #JOBS} jobs (bulk jobs of a scheduler that
 * runs nothing, {@link MemoryBackend}, so only drmaa2j's own bookkeeping is counted), measured as the
 * used heap after full collections, with the jobs against without them.
 */
public final class HeapFigures implements FigureGroup {
    static final int JOBS = 100_000;
    static final int PER_BULK = 1_000;
    static final double TARGET_BYTES = 2048;

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public void measure(ResultTable table) throws Exception {
        // the store's files are not what is measured: keep them in memory where the machine allows, it is faster
        Path shm = Path.of("/dev/shm");
        Path state = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "drmaa2j-bench-heap")
                : Files.createTempDirectory("drmaa2j-bench-heap");
        JobTemplate t = JobTemplate.builder("/usr/bin/env").args("python3", "step.py", "--input", "data.csv")
                .jobName("step").outputPath("$DRMAA2_WORKING_DIR$/out-$DRMAA2_INDEX$.txt").build();
        try (GenericSessionManager sm = new GenericSessionManager("memory", Map.of("drmaa2j.stateDir", state.toString()),
                ctx -> new MemoryBackend())) {
            JobSession js = sm.createJobSession("bench-heap", null);
            js.runBulkJobs(t, 1, 10, 1, 0); // the first submission loads classes and fills caches: not counted
            long before = usedAfterGc();
            List<JobArray> arrays = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < JOBS / PER_BULK; i++) arrays.add(js.runBulkJobs(t, 1, PER_BULK, 1, 0));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long after = usedAfterGc();
            int tracked = js.getJobs(null).size();
            double perJob = (double) (after - before) / JOBS;
            table.add("heap per tracked job, " + tracked + " jobs in one session (bytes)",
                    ResultTable.fmt(perJob) + " (" + ResultTable.fmt((after - before) / 1048576.0) + " MiB; submitted in "
                            + ResultTable.fmt(seconds) + " s)",
                    "-", "-", "≤ " + ResultTable.fmt(TARGET_BYTES) + " bytes", perJob <= TARGET_BYTES ? "yes" : "no");
            if (arrays.size() != JOBS / PER_BULK) throw new IllegalStateException("arrays lost");
        } finally {
            deleteTree(state);
        }
    }

    static long usedAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
