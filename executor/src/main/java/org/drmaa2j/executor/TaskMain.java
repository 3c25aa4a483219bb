// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The program a task's job runs: {@code java -cp <class path> org.drmaa2j.executor.TaskMain <cache
 * directory> <key>…}. For each key it reads the task from the cache directory, runs it and writes its
 * value or the exception it threw back there. The exit status is 0 when every task succeeded, else 1.
 * Futures the task captured resolve to the results of the tasks they stand for, read from the same
 * cache directory. A cache directory that another user could write is refused (exit status 3), and
 * tasks are read through {@link TaskInputFilter}.
 */
public final class TaskMain {
    private static volatile TaskCache cache;

    private TaskMain() {
    }

    /**
     * @param args the cache directory, then the keys of the tasks to run, in order
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TaskMain <cache directory> <task key>...");
            System.exit(2);
        }
        try {
            cache = TaskCache.open(Path.of(args[0]));
        } catch (UnsafeCacheException e) {
            System.err.println("drmaa2j: " + e.getMessage());
            System.exit(3);
        }
        int failed = 0;
        for (int i = 1; i < args.length; i++) {
            if (!run(args[i])) failed++;
        }
        System.out.flush();
        System.err.flush();
        System.exit(failed == 0 ? 0 : 1);
    }

    private static boolean run(String key) {
        Outcome outcome;
        try {
            Object task = TaskCodec.decode(cache.readTask(key));
            Object value;
            if (task instanceof Callable<?> c) {
                value = c.call();
            } else if (task instanceof Runnable r) {
                r.run();
                value = null;
            } else {
                throw new IllegalArgumentException("task " + key + " is a " + task.getClass().getName()
                        + ", neither a Callable nor a Runnable");
            }
            outcome = Outcome.value(value);
        } catch (Throwable t) {
            System.err.println("drmaa2j: task " + key + " failed:");
            t.printStackTrace();
            outcome = Outcome.error(t);
        }
        cache.writeOutcome(key, outcome);
        return outcome.succeeded();
    }

    /** Resolves a captured future on the node: a completed future with that task's result. */
    static ClusterFuture<?> resolve(String key) {
        TaskCache c = cache;
        if (c == null) throw new IllegalStateException("a ClusterFuture can only be deserialized inside a task");
        try {
            Outcome o = c.readOutcome(key).orElseThrow(() -> new IllegalStateException(
                    "task " + key + " has no result in " + c.root() + " although this task depends on it"));
            return ClusterFuture.resolved(key, o);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
