// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * A submitting program run inside the Slurm container by {@code SlurmE2EIT}: {@code chain CACHE}
 * submits a chain of three dependent tasks, prints their job ids on a line {@code SUBMITTED …} and
 * then {@code RESULT n}; {@code rejected CACHE} submits to a partition that does not exist and prints
 * {@code REJECTED message}. Run twice on the same cache directory, {@code chain} reattaches.
 */
public final class SlurmScenario {
    private SlurmScenario() {
    }

    static ClusterTask<Integer> start(int value, long sleepMillis) {
        return () -> {
            Thread.sleep(sleepMillis);
            return value;
        };
    }

    static ClusterTask<Integer> plus(ClusterFuture<Integer> earlier, int add, long sleepMillis) {
        return () -> {
            Thread.sleep(sleepMillis);
            return earlier.get() * 10 + add;
        };
    }

    public static void main(String[] args) throws Exception {
        ClusterExecutor exe = ClusterExecutor.builder(Path.of(args[1])).driver("slurm")
                .jvmOptions(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")).build();
        try {
            if (args[0].equals("chain")) {
                ClusterFuture<Integer> a = exe.submit(start(1, 4000));
                ClusterFuture<Integer> b = exe.submit(plus(a, 2, 4000));
                ClusterFuture<Integer> c = exe.submit(plus(b, 3, 1000));
                System.out.println("SUBMITTED " + a.getJobId() + " " + b.getJobId() + " " + c.getJobId());
                System.out.println("REUSED " + a.isDone());
                System.out.flush();
                System.out.println("RESULT " + c.get());
            } else {
                ClusterFuture<Integer> f = exe.submit(start(1, 0), TaskOptions.builder().queue("nope").build());
                try {
                    f.get();
                    System.out.println("ACCEPTED");
                } catch (ExecutionException e) {
                    System.out.println("REJECTED " + e.getCause().getMessage().replace('\n', ' '));
                }
            }
        } finally {
            exe.shutdown(true, false);
        }
        System.exit(0);
    }
}
