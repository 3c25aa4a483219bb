// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.SessionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor on the local driver: every task is a real JVM started as a local job. */
class ClusterExecutorTest {
    private static final long WAIT_S = 120;

    @TempDir
    Path tmp;

    private Map<String, String> driverProperties() {
        return Map.of("drmaa2j.stateDir", tmp.resolve("state").toString());
    }

    private ClusterExecutor executor() {
        return ClusterExecutor.builder(tmp.resolve("cache")).driver("local").properties(driverProperties()).build();
    }

    /** One lambda site, so that equal arguments give equal tasks and equal keys, as in a restarted program. */
    private static ClusterTask<Integer> sleepThen(int millis, int value) {
        return () -> {
            Thread.sleep(millis);
            return value;
        };
    }

    @Test
    void submit_value_futureGivesIt() throws Exception {
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<Integer> f = exe.submit(() -> 6 * 7);
            assertEquals(42, f.get(WAIT_S, TimeUnit.SECONDS));
            assertNotNull(f.getJobId());
        }
    }

    @Test
    void submit_throws_exceptionAndStderrTail() throws Exception {
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<Integer> f = exe.submit(() -> {
                System.err.println("about to fail: marker-7f3");
                throw new IllegalStateException("boom on the node");
            });
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> f.get(WAIT_S, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("boom on the node", e.getCause().getMessage());
            assertTrue(e.getStderrTail().contains("marker-7f3"), e.getStderrTail());
            assertTrue(e.getMessage().contains("marker-7f3") && e.getMessage().contains(f.getJobId()), e.getMessage());
        }
    }

    @Test
    void submit_jvmDiesWithoutResult_failsWithExitStatusAndStderr() throws Exception {
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<Integer> f = exe.submit(() -> {
                System.err.println("halting now");
                Runtime.getRuntime().halt(5);
                return 1;
            });
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> f.get(WAIT_S, TimeUnit.SECONDS));
            assertEquals(null, e.getCause());
            assertTrue(e.getMessage().contains("without a result") && e.getMessage().contains("exit status 5"), e.getMessage());
            assertTrue(e.getStderrTail().contains("halting now"), e.getStderrTail());
        }
    }

    @Test
    void submit_chainOfFutures_eachSeesTheEarlierValue() throws Exception {
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<Integer> a = exe.submit(() -> 1);
            ClusterFuture<Integer> b = exe.submit(() -> a.get() + 1);
            ClusterFuture<Integer> c = exe.submit(() -> b.get() * 10,
                    TaskOptions.builder().walltime(Duration.ofMinutes(5)).build());
            assertEquals(20, c.get(WAIT_S, TimeUnit.SECONDS));
            assertEquals(3, List.of(a.getJobId(), b.getJobId(), c.getJobId()).stream().distinct().count());
        }
    }

    @Test
    void submit_dependencyFails_dependentFailsWithoutRunning() throws Exception {
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<Integer> a = exe.submit(() -> {
                throw new ArithmeticException("first fails");
            });
            ClusterFuture<Integer> b = exe.submit(() -> a.get() + 1);
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> b.get(WAIT_S, TimeUnit.SECONDS));
            assertTrue(e.getMessage().contains("depends on failed") || e.getMessage().contains("depends on"), e.getMessage());
            assertTrue(e.getMessage().contains("first fails"), e.getMessage());
            assertEquals(null, b.getJobId(), "the dependent task must not have been submitted");
        }
    }

    @Test
    void submit_sameTaskAfterRestart_reusesResultWithoutJob() throws Exception {
        String firstJob;
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<Integer> f = exe.submit(sleepThen(0, 11));
            assertEquals(11, f.get(WAIT_S, TimeUnit.SECONDS));
            firstJob = f.getJobId();
        }
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<Integer> f = exe.submit(sleepThen(0, 11));
            assertTrue(f.isDone(), "a cached result completes the future at once");
            assertEquals(11, f.get());
            assertEquals(firstJob, f.getJobId());
            ClusterFuture<Integer> other = exe.submit(sleepThen(0, 12));
            assertEquals(12, other.get(WAIT_S, TimeUnit.SECONDS));
            assertNotEquals(firstJob, other.getJobId(), "a different task is a different job");
        }
    }

    @Test
    void shutdownWithoutWaiting_newExecutorReattachesToRunningJob() throws Exception {
        ClusterExecutor first = executor();
        ClusterFuture<Integer> running = first.submit(sleepThen(4000, 5));
        String jobId = running.getJobId();
        first.shutdown(false, false);
        ExecutionException left = assertThrows(ExecutionException.class, () -> running.get(5, TimeUnit.SECONDS));
        assertTrue(left.getCause().getMessage().contains("keeps running"), left.getCause().getMessage());
        try (ClusterExecutor second = executor()) {
            ClusterFuture<Integer> again = second.submit(sleepThen(4000, 5));
            assertEquals(jobId, again.getJobId(), "reattached to the running job, not submitted again");
            assertEquals(5, again.get(WAIT_S, TimeUnit.SECONDS));
            assertEquals(List.of(), jobsOtherThan(second.getJobSession(), jobId));
        }
    }

    @Test
    void shutdownCancellingFutures_terminatesJobs() throws Exception {
        ClusterExecutor exe = executor();
        ClusterFuture<Integer> f = exe.submit(sleepThen(60_000, 1));
        String jobId = f.getJobId();
        String session = exe.getJobSession().getSessionName();
        exe.shutdown(false, true);
        assertTrue(f.isCancelled());
        assertThrows(CancellationException.class, f::get);
        try (SessionManager sm = Drmaa2.getSessionManager("local", driverProperties());
             JobSession js = sm.openJobSession(session)) {
            Job job = js.getJobs(JobInfo.builder().jobId(jobId).build()).get(0);
            job.waitTerminated(Duration.ofSeconds(30));
            assertEquals(JobState.FAILED, job.getState());
        }
        assertFalse(Files.exists(tmp.resolve("cache/tasks").resolve(f.getKey()).resolve(TaskCache.OUTCOME)));
    }

    @Test
    void shutdownWaiting_waitsForEveryTask() throws Exception {
        ClusterExecutor exe = executor();
        ClusterFuture<Integer> f = exe.submit(sleepThen(1500, 3));
        exe.shutdown(true, false);
        assertTrue(f.isDone());
        assertEquals(3, f.get());
        assertTrue(exe.isTerminated());
        assertThrows(RejectedExecutionException.class, () -> exe.submit(() -> 1));
    }

    @Test
    void submitAll_manyTasksInOneJob() throws Exception {
        try (ClusterExecutor exe = executor()) {
            List<ClusterTask<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                tasks.add(() -> n * n);
            }
            List<ClusterFuture<Integer>> fs = exe.submitAll(tasks, TaskOptions.builder().walltime(Duration.ofMinutes(5)).build());
            List<Integer> values = new ArrayList<>();
            for (ClusterFuture<Integer> f : fs) values.add(f.get(WAIT_S, TimeUnit.SECONDS));
            assertEquals(List.of(0, 1, 4, 9, 16), values);
            assertEquals(1, fs.stream().map(ClusterFuture::getJobId).distinct().count(), "one job for all five");
        }
    }

    @Test
    void submit_explicitKey_namesTheCacheEntry() throws Exception {
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<String> f = exe.submit(() -> "keyed", TaskOptions.builder().key("the-answer").build());
            assertEquals("keyed", f.get(WAIT_S, TimeUnit.SECONDS));
            assertTrue(Files.isRegularFile(tmp.resolve("cache/tasks/the-answer").resolve(TaskCache.OUTCOME)));
        }
    }

    /** The future completes when the result is written; close also waits for the job's JVM to end. */
    @Test
    void close_waitsForTheJobsToEnd_notOnlyForTheirResults() throws Exception {
        String exited = tmp.resolve("jvm-exited").toString();
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<String> f = exe.submit(() -> {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(1_000);
                        Files.writeString(Path.of(exited), "ended");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
                return "result first";
            });
            assertEquals("result first", f.get(WAIT_S, TimeUnit.SECONDS));
        }
        assertTrue(Files.isRegularFile(Path.of(exited)), "close returned while the task's JVM was still ending");
    }

    @Test
    void submit_stagedClasspath_runsFromTheCopy() throws Exception {
        try (ClusterExecutor exe = ClusterExecutor.builder(tmp.resolve("cache")).driver("local")
                .properties(driverProperties()).stageClasspath(true).build()) {
            ClusterFuture<String> f = exe.submit(() -> System.getProperty("java.class.path"));
            String cp = f.get(WAIT_S, TimeUnit.SECONDS);
            assertTrue(cp.contains(tmp.resolve("cache/classpath").toString()), cp);
        }
    }

    @Test
    void submit_notSerializable_rejected() {
        try (ClusterExecutor exe = executor()) {
            Callable<Integer> plain = () -> 1;
            RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> exe.submit(plain));
            assertTrue(e.getMessage().contains("not serializable"), e.getMessage());
        }
    }

    @Test
    void submit_refusedByDriver_futureCarriesDriversMessage() throws Exception {
        try (ClusterExecutor exe = executor()) {
            ClusterFuture<Integer> f = exe.submit(() -> 1, TaskOptions.builder().extension("drmaa2j.unknownThing", "x").build());
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(WAIT_S, TimeUnit.SECONDS));
            assertInstanceOf(Drmaa2Exception.class, e.getCause());
            assertTrue(e.getMessage().contains("drmaa2j.unknownThing"), e.getMessage());
        }
    }

    private static List<String> jobsOtherThan(JobSession js, String jobId) {
        List<String> ids = new ArrayList<>();
        for (Job j : js.getJobs(null)) if (!j.getJobId().equals(jobId)) ids.add(j.getJobId());
        return ids;
    }
}
