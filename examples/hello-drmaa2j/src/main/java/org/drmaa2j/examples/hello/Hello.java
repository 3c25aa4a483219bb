// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.examples.hello;

import java.nio.file.Path;
import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.Timeouts;
import org.drmaa2j.executor.ClusterExecutor;
import org.drmaa2j.executor.ClusterFuture;

/**
 * Runs one job and two dependent {@link ClusterExecutor} tasks through the local driver, prints what
 * came back, and exits 1 if it is not what the job and the tasks produce.
 *
 * <p>Argument: a working directory (default {@code hello-work}) for the driver's session store and
 * the executor's cache.
 */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "hello-work").toAbsolutePath();
        // keep the driver's persistent sessions inside the working directory, not in ~/.drmaa2j
        Map<String, String> properties = Map.of("drmaa2j.stateDir", work.resolve("state").toString());
        Module module = Hello.class.getModule();
        System.out.println(module.isNamed() ? "running as module " + module.getName() + " on the module path"
                : "running on the class path");

        // 1. A job: a shell command that prints a line and exits with status 3.
        try (SessionManager manager = Drmaa2.getSessionManager("local", properties);
             JobSession session = manager.createJobSession(null, null)) {
            JobTemplate template = JobTemplate.builder("/bin/sh")
                    .args("-c", "echo hello from a drmaa2j job; exit 3")
                    .jobName("hello")
                    .outputPath(work.resolve("hello.out").toString())
                    .build();
            Job job = session.runJob(template);
            job.waitTerminated(Timeouts.INFINITE);
            JobInfo info = job.getJobInfo();
            System.out.println("job " + job.getJobId() + " " + info.getJobState() + ", exit status " + info.getExitStatus());
            job.reap();
            expect(info.getJobState() == JobState.FAILED && Integer.valueOf(3).equals(info.getExitStatus()),
                    "the job ends FAILED with exit status 3");
        }

        // 2. Java code as cluster jobs: b's job starts once a's has its value.
        try (ClusterExecutor executor = ClusterExecutor.builder(work.resolve("cache"))
                .driver("local")
                .properties(properties)
                .build()) {
            ClusterFuture<Integer> a = executor.submit(() -> 6);
            ClusterFuture<Integer> b = executor.submit(() -> a.get() * 7);
            int answer = b.get();
            System.out.println("tasks computed " + answer);
            expect(answer == 42, "the tasks compute 6 * 7 = 42");
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            System.err.println("hello-drmaa2j: expected that " + what);
            System.exit(1);
        }
    }
}
