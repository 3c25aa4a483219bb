// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.ResourceLimit;

/**
 * Starts one job: {@code perl WRAPPER MARKER [prlimit --LIMIT=N:N … --] COMMAND ARG…} as an argv
 * list, with the template's working directory, environment and standard streams. No user text is
 * ever interpreted by a shell; the limit values are numbers this class computed.
 *
 * <p>The job's home directory ({@code $DRMAA2_HOME_DIR$}, and the working directory when the template
 * sets none) is the one the job sees as {@code $HOME}: jobs inherit this JVM's environment, so it is this
 * JVM's {@code HOME}, and the account's home directory ({@code user.home}) only when {@code HOME} is unset.
 * The two differ where a CI system sets {@code HOME} (GitHub Actions: {@code /github/home}).
 */
final class ProcessLauncher {
    private static final File DEV_NULL = new File("/dev/null");
    private final JobWrapper wrapper;
    private final Path prlimit;
    private final String home;

    ProcessLauncher(JobWrapper wrapper, Path prlimit) {
        this(wrapper, prlimit, jobHome(System.getenv(), System.getProperty("user.home")));
    }

    ProcessLauncher(JobWrapper wrapper, Path prlimit, String home) {
        this.wrapper = wrapper;
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

    Process start(JobTemplate t, long index, Path marker) throws IOException {
        String wd = t.getWorkingDirectory() == null ? home : Placeholders.expand(t.getWorkingDirectory(), home, home, index);
        Path dir = Path.of(home).resolve(wd);
        String wdText = dir.toString();
        List<String> argv = new ArrayList<>();
        argv.add(wrapper.perl().toString());
        argv.add(wrapper.script().toString());
        argv.add(marker.toString());
        argv.addAll(limits(t.getResourceLimits()));
        argv.add(t.getRemoteCommand());
        for (String a : t.getArgs()) argv.add(Placeholders.expand(a, home, wdText, index));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
        pb.environment().putAll(t.getJobEnvironment());
        pb.redirectInput(t.getInputPath() == null ? ProcessBuilder.Redirect.from(DEV_NULL)
                : ProcessBuilder.Redirect.from(file(t.getInputPath(), dir, index)));
        pb.redirectOutput(t.getOutputPath() == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.to(file(t.getOutputPath(), dir, index)));
        if (t.isJoinFiles()) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(t.getErrorPath() == null ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.to(file(t.getErrorPath(), dir, index)));
        }
        return pb.start();
    }

    private File file(String path, Path dir, long index) {
        return dir.resolve(Placeholders.expand(path, home, dir.toString(), index)).toFile();
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
