// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Thread safety: many threads using one session at once. */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int JOBS_PER_THREAD = 3;

    private static <T> List<T> inParallel(Tck tck, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get(tck.jobTimeout().toMillis() * 2, TimeUnit.MILLISECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Assertion(id = "CONC-1", section = SpecSections.DRMAA2J, value = "8 threads submitting into one session get distinct jobs, none lost, all DONE")
    void runJob_eightThreads(Tck tck, JobSession s) throws Exception {
        List<List<Job>> perThread = inParallel(tck, () -> {
            List<Job> mine = new ArrayList<>();
            for (int i = 0; i < JOBS_PER_THREAD; i++) mine.add(s.runJob(tck.quick().build()));
            return mine;
        });
        List<Job> all = perThread.stream().flatMap(List::stream).toList();
        Set<String> ids = all.stream().map(Job::getJobId).collect(Collectors.toSet());
        assertEquals(THREADS * JOBS_PER_THREAD, ids.size(), "job ids must be distinct");
        assertEquals(ids, s.getJobs(null).stream().map(Job::getJobId).collect(Collectors.toSet()), "getJobs must list every job");
        for (Job j : all) tck.finishAs(j, JobState.DONE);
    }

    @Test
    @Assertion(id = "CONC-2", section = SpecSections.DRMAA2J, value = "8 threads waiting for the same job all return when it ends")
    void waitTerminated_eightWaiters(Tck tck, JobSession s) throws Exception {
        Job j = s.runJob(tck.sleep(1).build());
        List<Job> got = inParallel(tck, () -> j.waitTerminated(tck.jobTimeout()));
        for (Job g : got) assertSame(j, g);
        assertEquals(JobState.DONE, j.getState());
    }

    @Test
    @Assertion(id = "CONC-3", section = SpecSections.DRMAA2J, value = "8 threads creating sessions with generated names get 8 distinct sessions")
    void createJobSession_eightThreads(Tck tck) throws Exception {
        List<JobSession> sessions = inParallel(tck, () -> tck.track(tck.manager().createJobSession(null, tck.environment().contact())));
        Set<String> names = new HashSet<>();
        for (JobSession x : sessions) names.add(x.getSessionName());
        assertEquals(THREADS, names.size());
    }

    @Test
    @Assertion(id = "CONC-4", section = SpecSections.DRMAA2J, value = "bulk submissions from 8 threads into one session do not mix up their tasks")
    void runBulkJobs_eightThreads(Tck tck, JobSession s) throws Exception {
        List<List<Job>> arrays = inParallel(tck, () -> s.runBulkJobs(tck.quick().build(), 1, 2, 1, 0).getJobs());
        Set<String> ids = arrays.stream().flatMap(List::stream).map(Job::getJobId).collect(Collectors.toSet());
        assertEquals(THREADS * 2, ids.size());
        for (List<Job> a : arrays) for (Job j : a) tck.finishAs(j, JobState.DONE);
    }
}
