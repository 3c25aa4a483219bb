// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.ResourceLimit;

/**
 * Starts one job through the scheduler's {@link JobSupervisor}: {@code [prlimit --LIMIT=N:N … --]
 * COMMAND ARG…} as an argv list, with the template's working directory, environment and standard
 * streams. No user text is ever interpreted by a shell; the limit values are numbers this class
 * computed.
 *
 * <p>The job's home directory ({@code $DRMAA2_HOME_DIR$}, and the working directory when the template
 * sets none) is the one the job sees as {@code $HOME}: jobs inherit this JVM's environment, so it is this
 * JVM's {@code HOME}, and the account's home directory ({@code user.home}) only when {@code HOME} is unset.
 * The two differ where a CI system sets {@code HOME} (GitHub Actions: {@code /github/home}).
 */
final class ProcessLauncher implements AutoCloseable {
    private final JobSupervisor supervisor;
    private final Path prlimit;
    private final String home;

    ProcessLauncher(JobSupervisor supervisor, Path prlimit) {
        this(supervisor, prlimit, jobHome(System.getenv(), System.getProperty("user.home")));
    }

    ProcessLauncher(JobSupervisor supervisor, Path prlimit, String home) {
        this.supervisor = supervisor;
        this.prlimit = prlimit;
        this.home = home;
    }

    /**
     * @param environment the environment the jobs inherit
     * @param accountHome the account's home directory
     * @return the job's home: {@code HOME} of the environment when it is an absolute path, else the account's
     */
    static String jobHome(Map<String, String> environment, String accountHome) {
        String h = environment.get("HOME");
        return h != null && !h.isBlank() && Path.of(h).isAbsolute() ? h : accountHome;
    }

    /**
     * @param t the template
     * @param index the task index
     * @param marker the job's completion marker
     * @return the started job, or a refusal when another process started it already
     * @throws IOException when the job cannot start, saying why
     */
    JobSupervisor.Started start(JobTemplate t, long index, Path marker) throws IOException {
        String wd = t.getWorkingDirectory() == null ? home : Placeholders.expand(t.getWorkingDirectory(), home, home, index);
        Path dir = Path.of(home).resolve(wd);
        String wdText = dir.toString();
        List<String> argv = new ArrayList<>(limits(t.getResourceLimits()));
        argv.add(t.getRemoteCommand());
        for (String a : t.getArgs()) argv.add(Placeholders.expand(a, home, wdText, index));
        return supervisor.start(new JobSupervisor.Request(marker, dir,
                file(t.getInputPath(), dir, index), file(t.getOutputPath(), dir, index),
                t.isJoinFiles() ? null : file(t.getErrorPath(), dir, index), t.isJoinFiles(),
                t.getJobEnvironment(), argv));
    }

    private Path file(String path, Path dir, long index) {
        return path == null ? null : dir.resolve(Placeholders.expand(path, home, dir.toString(), index));
    }

    /** Lets the supervisor go once its running jobs have ended. */
    @Override
    public void close() {
        supervisor.close();
    }

    private List<String> limits(Map<ResourceLimit, Long> limits) {
        List<String> a = new ArrayList<>();
        for (Map.Entry<ResourceLimit, Long> e : limits.entrySet()) {
            String opt = option(e.getKey(), e.getValue());
            if (opt != null) a.add(opt);
        }
        if (a.isEmpty()) return a;
        a.add(0, prlimit.toString());
        a.add("--");
        return a;
    }

    private static String option(ResourceLimit l, long v) {
        long bytes = v > Long.MAX_VALUE / 1024 ? Long.MAX_VALUE : v * 1024;
        switch (l) {
            case CORE_FILE_SIZE: return "--core=" + bytes + ":" + bytes;
            case CPU_TIME: return "--cpu=" + v + ":" + v;
            case DATA_SIZE: return "--data=" + bytes + ":" + bytes;
            case FILE_SIZE: return "--fsize=" + bytes + ":" + bytes;
            case OPEN_FILES: return "--nofile=" + v + ":" + v;
            case STACK_SIZE: return "--stack=" + bytes + ":" + bytes;
            case VIRTUAL_MEMORY: return "--as=" + bytes + ":" + bytes;
            default: return null; // WALLCLOCK_TIME is enforced by the driver
        }
    }
}
