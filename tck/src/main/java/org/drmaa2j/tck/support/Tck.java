// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.tck.TckEnvironment;
import org.drmaa2j.tck.TckTimings;
import org.drmaa2j.tck.report.ReportKeys;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.Executable;

/**
 * The context of one TCK test: the session manager under test, fresh sessions and scratch paths,
 * job templates built from {@link JobScripts}, waits bounded by {@link TckTimings}, and the record
 * of a feature the driver declares unsupported. Everything a test creates through it is cleaned up
 * after the test: jobs still alive are terminated, sessions closed and destroyed.
 */
public final class Tck implements ExtensionContext.Store.CloseableResource {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final TckRuntime runtime;
    private final ExtensionContext context;
    private final List<String> sessionNames = new CopyOnWriteArrayList<>();
    private final List<JobSession> sessions = new CopyOnWriteArrayList<>();
    private final List<SessionManager> extraManagers = new CopyOnWriteArrayList<>();

    Tck(TckRuntime runtime, ExtensionContext context) {
        this.runtime = runtime;
        this.context = context;
    }

    /** @return the session manager under test */
    public SessionManager manager() { return runtime.manager; }
    /** @return the environment */
    public TckEnvironment environment() { return runtime.environment; }
    /** @return the timings in effect */
    public TckTimings timings() { return runtime.timings; }
    /** @return the longest the TCK waits for a short job */
    public Duration jobTimeout() { return runtime.timings.jobTimeout(); }
    /** @param c a capability @return what the driver declares */
    public boolean supports(Capability c) { return runtime.manager.supports(c); }

    /** @return a new session name, unique across runs, recorded for clean-up */
    public String newSessionName() {
        String method = context.getTestMethod().map(m -> m.getName()).orElse("x");
        if (method.length() > 20) method = method.substring(0, 20);
        String name = "tck-" + method.replaceAll("[^A-Za-z0-9]", "-") + "-" + Long.toHexString(ThreadLocalRandom.current().nextInt(1 << 24) + (1L << 24)) + COUNTER.incrementAndGet();
        sessionNames.add(name);
        return name;
    }

    /** @return a new named job session of the manager under test, with the environment's contact */
    public JobSession newSession() {
        return track(runtime.manager.createJobSession(newSessionName(), environment().contact()));
    }

    /** @param s a session the test opened by other means @return it, recorded for clean-up */
    public JobSession track(JobSession s) {
        sessions.add(s);
        if (!sessionNames.contains(s.getSessionName())) sessionNames.add(s.getSessionName());
        return s;
    }

    /** @return a second session manager of the same driver, from a new {@link Drmaa2#getSessionManager} call; closed after the test */
    public SessionManager newSessionManager() {
        SessionManager sm = Drmaa2.getSessionManager(environment().driverName(), environment().driverProperties());
        extraManagers.add(sm);
        return sm;
    }

    /** @param hint a readable part of the name @return a unique absolute path in the scratch directory; nothing is created */
    public String scratchPath(String hint) {
        String dir = environment().scratchDirectory();
        return (dir.endsWith("/") ? dir : dir + "/") + "tck-" + hint + "-" + System.nanoTime() + "-" + COUNTER.incrementAndGet();
    }

    /** @return the scratch directory */
    public String scratchDirectory() { return environment().scratchDirectory(); }

    /**
     * Reads a file a job wrote; a missing file is retried for the scheduling delay, for file
     * systems that show files late.
     *
     * @param path the path as the job saw it
     * @return its bytes
     */
    public byte[] readBytes(String path) {
        Instant until = Instant.now().plus(timings().schedulingDelay());
        while (true) {
            try {
                return environment().fileReader().read(path);
            } catch (NoSuchFileException e) {
                if (Instant.now().isAfter(until)) fail("the job did not write " + path + ": " + e.getMessage());
                pause(200);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    /** @param path the path as the job saw it @return its text, UTF-8 */
    public String readFile(String path) {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    /** @param path a file of NUL-terminated UTF-8 values @return the values */
    public List<String> readNulTerminated(String path) {
        String s = readFile(path);
        if (s.isEmpty()) return List.of();
        if (!s.endsWith("\0")) fail("the values in " + path + " are not NUL-terminated: " + s);
        return Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
    }

    /** @param path a file @return true when the job wrote it (no retry) */
    public boolean exists(String path) {
        try {
            environment().fileReader().read(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- job templates ------------------------------------------------------------------------

    /** @param seconds how long @return a template sleeping that long */
    public JobTemplate.Builder sleep(long seconds) {
        return JobTemplate.builder("/bin/sleep").args(Long.toString(seconds));
    }

    /** @return a template sleeping {@link TckTimings#longJobSeconds()}; tests terminate such jobs */
    public JobTemplate.Builder longJob() {
        return sleep(timings().longJobSeconds());
    }

    /** @param script one of {@link JobScripts} @param args its positional arguments @return the template */
    public JobTemplate.Builder script(String script, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("-c");
        argv.add(script);
        argv.add(JobScripts.ARG0);
        argv.addAll(Arrays.asList(args));
        return JobTemplate.builder(JobScripts.SH).args(argv);
    }

    /** @param status the exit status @return a template exiting with it */
    public JobTemplate.Builder exit(int status) {
        return script(JobScripts.EXIT, Integer.toString(status));
    }

    /** @return a template that ends at once with status 0 */
    public JobTemplate.Builder quick() {
        return JobTemplate.builder("/bin/echo").args("drmaa2j-tck");
    }

    // ---- waits --------------------------------------------------------------------------------

    /** @param job a job @return it, after it ended within the job timeout */
    public Job finish(Job job) {
        return job.waitTerminated(jobTimeout());
    }

    /** @param job a job @param state the state expected after it ends @return its JobInfo */
    public Job finishAs(Job job, JobState state) {
        finish(job);
        assertEquals(state, job.getState(), () -> "final state of " + job.getJobId() + ": " + job.getJobInfo());
        return job;
    }

    /**
     * Polls the job's state until it is one of the expected ones, for at most the job timeout.
     *
     * @param job a job
     * @param expected acceptable states
     * @return the state reached
     */
    public JobState awaitState(Job job, JobState... expected) {
        List<JobState> want = List.of(expected);
        Instant until = Instant.now().plus(jobTimeout());
        JobState s = job.getState();
        long sleep = 50;
        while (!want.contains(s)) {
            if (Instant.now().isAfter(until)) fail("job " + job.getJobId() + " did not reach " + want + " within " + jobTimeout() + "; it is " + s);
            pause(sleep);
            sleep = Math.min(sleep * 2, 500);
            s = job.getState();
        }
        return s;
    }

    /**
     * Watches a job for the scheduling delay and fails if it starts.
     *
     * @param job a job that must not start
     * @param expected the state it must keep
     */
    public void assertStaysIn(Job job, JobState expected) {
        Instant until = Instant.now().plus(timings().schedulingDelay());
        do {
            JobState s = job.getState();
            if (s != expected) fail("job " + job.getJobId() + " left " + expected + ": it is " + s);
            pause(200);
        } while (Instant.now().isBefore(until));
    }

    /** @param millis how long to pause */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- unsupported features -----------------------------------------------------------------

    /** @param c the capability the driver declares unsupported; the report shows the test as unsupported */
    public void recordUnsupported(Capability c) {
        context.publishReportEntry(Map.of(ReportKeys.OUTCOME, ReportKeys.UNSUPPORTED, ReportKeys.CAPABILITY, c.name()));
    }

    /**
     * For a capability the driver declares unsupported: asserts that using the attribute throws
     * {@link UnsupportedAttributeException} and records the outcome.
     *
     * @param c the capability
     * @param use what sets the attribute and submits
     * @return the exception
     */
    public UnsupportedAttributeException expectUnsupportedAttribute(Capability c, Executable use) {
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class, use,
                () -> "the driver declares " + c + " unsupported, so using it must throw UnsupportedAttributeException");
        recordUnsupported(c);
        return e;
    }

    /**
     * For a capability the driver declares unsupported: asserts that the operation throws
     * {@link org.drmaa2j.OperationUnsupportedException} and records the outcome.
     *
     * @param c the capability
     * @param use the operation
     * @return the exception
     */
    public OperationUnsupportedException expectUnsupportedOperation(Capability c, Executable use) {
        OperationUnsupportedException e = assertThrows(OperationUnsupportedException.class, use,
                () -> "the driver declares " + c + " unsupported, so this operation must throw org.drmaa2j.OperationUnsupportedException");
        recordUnsupported(c);
        return e;
    }

    /**
     * An optional operation used in a state it does not apply to: asserts
     * {@link org.drmaa2j.InvalidStateException} where the driver supports the capability, else
     * {@link org.drmaa2j.OperationUnsupportedException} (recorded as unsupported).
     *
     * @param c the capability of the operation
     * @param use the operation
     */
    public void expectInvalidState(Capability c, Executable use) {
        if (supports(c)) {
            assertThrows(org.drmaa2j.InvalidStateException.class, use, "the operation does not apply in this state");
        } else {
            expectUnsupportedOperation(c, use);
        }
    }

    // ---- clean-up -----------------------------------------------------------------------------

    @Override
    public void close() {
        for (JobSession s : sessions) cleanUp(s);
        for (String name : sessionNames) quietly(() -> runtime.manager.destroyJobSession(name));
        for (SessionManager sm : extraManagers) quietly(sm::close);
    }

    private void cleanUp(JobSession s) {
        JobSession open = s;
        try {
            s.getJobs(null);
        } catch (Drmaa2Exception e) {
            try {
                open = runtime.manager.openJobSession(s.getSessionName());
            } catch (Drmaa2Exception e2) {
                return;
            }
        }
        JobSession target = open;
        quietly(() -> {
            for (Job j : target.getJobs(null)) {
                quietly(() -> {
                    if (!j.getState().isTerminal()) j.terminate();
                });
            }
        });
        quietly(target::close);
        if (target != s) quietly(s::close);
    }

    private static void quietly(Executable e) {
        try {
            e.execute();
        } catch (Throwable ignored) {
            // clean-up is best effort; the test's own result is what counts
        }
    }
}
