// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.InvalidSessionException;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobWatcherTest {
    @Test
    void sessionClosedWhileRecoveringFromAnError_endsTheWatcherQuietly(@TempDir Path dir) throws Exception {
        // the first state query fails as a lost connection does, the next finds the session closed
        AtomicInteger asked = new AtomicInteger();
        Job job = (Job) Proxy.newProxyInstance(Job.class.getClassLoader(), new Class<?>[] {Job.class}, (p, m, a) -> switch (m.getName()) {
            case "getJobId" -> "7";
            case "getState" -> throw asked.getAndIncrement() == 0 ? new DrmCommunicationException("connection lost")
                    : new InvalidSessionException("session closed");
            default -> throw new UnsupportedOperationException(m.getName());
        });
        JobSession session = (JobSession) Proxy.newProxyInstance(JobSession.class.getClassLoader(), new Class<?>[] {JobSession.class},
                (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            JobWatcher w = new JobWatcher(session, TaskCache.create(dir.resolve("cache"), null));
            w.watch(job, dir.resolve("stderr"), List.of());
            w.join(60_000);
            assertFalse(w.isRunning(), "the watcher ends once its session is closed");
            assertTrue(asked.get() >= 2, "the recovery asked again: " + asked.get());
            assertTrue(uncaught.isEmpty(), "nothing escapes the watcher's thread: " + uncaught);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
