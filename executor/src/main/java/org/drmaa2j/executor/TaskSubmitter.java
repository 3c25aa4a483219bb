// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Extensions;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.UnsupportedAttributeException;

/**
 * Turns groups of tasks into jobs: one job per group running {@link TaskMain} on the group's keys,
 * submitted at once (with {@code afterok} on the jobs of pending dependencies when the driver honours
 * {@link Extensions#DEPENDENCIES}) or, when it does not, once the dependencies have succeeded.
 */
final class TaskSubmitter {
    private final JobSession session;
    private final TaskCache cache;
    private final JobWatcher watcher;
    private final Map<String, ClusterFuture<?>> futures;
    private final String javaCommand;
    private final List<String> javaArgs;
    private final ExecutorService async;
    private volatile Boolean schedulerDependencies;
    private volatile boolean closed;

    /**
     * @param futures the executor's futures by key, where dependencies are looked up
     * @param javaArgs the JVM options, class path, main class and cache directory; the keys follow
     */
    TaskSubmitter(JobSession session, TaskCache cache, JobWatcher watcher, Map<String, ClusterFuture<?>> futures,
                  String javaCommand, List<String> javaArgs) {
        this.session = session;
        this.cache = cache;
        this.watcher = watcher;
        this.futures = futures;
        this.javaCommand = javaCommand;
        this.javaArgs = List.copyOf(javaArgs);
        this.async = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "drmaa2j-executor-submitter");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops: submissions waiting for dependencies are dropped. */
    void close() {
        closed = true;
        async.shutdownNow();
    }

    /** Submits the group now, with scheduler dependencies, or once its dependencies have succeeded. */
    void schedule(List<ClusterFuture<?>> group, TaskOptions o, Set<String> depKeys) {
        List<ClusterFuture<?>> pending = new ArrayList<>();
        for (String k : depKeys) {
            ClusterFuture<?> dep = futures.get(k);
            if (dep == null) {
                if (cache.hasOutcome(k)) continue;
                failAll(group, new TaskFailedException(k, null, "the task depends on task " + k
                        + ", which this executor has not been given and which has no result in the cache", "", null));
                return;
            }
            if (dep.completion().isCompletedExceptionally()) {
                failAll(group, dependencyFailed(dep));
                return;
            }
            if (!dep.isDone()) pending.add(dep);
        }
        if (!pending.isEmpty() && !Boolean.FALSE.equals(schedulerDependencies)
                && pending.stream().allMatch(d -> d.getJobId() != null)) {
            try {
                submitNow(group, o, pending);
                return;
            } catch (UnsupportedAttributeException e) {
                schedulerDependencies = false;
            }
        }
        if (pending.isEmpty()) {
            submitNow(group, o, List.of());
            return;
        }
        CompletableFuture.allOf(pending.stream().map(ClusterFuture::completion).toArray(CompletableFuture[]::new))
                .whenCompleteAsync((v, e) -> {
                    if (closed) return;
                    schedule(group, o, depKeys);
                }, async);
    }

    private void submitNow(List<ClusterFuture<?>> group, TaskOptions o, List<ClusterFuture<?>> afterOk) {
        if (group.stream().allMatch(ClusterFuture::isDone)) return;
        String first = group.get(0).getKey();
        Path dir = cache.taskDir(first);
        Path stderr = dir.resolve("stderr");
        List<String> args = new ArrayList<>(javaArgs);
        for (ClusterFuture<?> f : group) args.add(f.getKey());
        JobTemplate.Builder t = JobTemplate.builder(javaCommand).args(args)
                .workingDirectory(dir.toString()).outputPath(dir.resolve("stdout").toString()).errorPath(stderr.toString());
        o.applyTo(t);
        t.jobName(o.getJobName() != null ? o.getJobName() : "drmaa2j-" + first.substring(0, Math.min(12, first.length())));
        if (!afterOk.isEmpty()) {
            StringBuilder d = new StringBuilder("afterok");
            for (ClusterFuture<?> dep : afterOk) d.append(':').append(dep.getJobId());
            t.extension(Extensions.DEPENDENCIES, d.toString());
        }
        Job job;
        try {
            job = session.runJob(t.build());
        } catch (UnsupportedAttributeException e) {
            if (!afterOk.isEmpty() && String.valueOf(e.getMessage()).contains(Extensions.DEPENDENCIES)) throw e;
            failAll(group, e);
            return;
        } catch (Drmaa2Exception e) {
            failAll(group, e);
            return;
        }
        if (!afterOk.isEmpty()) schedulerDependencies = true;
        for (ClusterFuture<?> f : group) {
            cache.recordJob(f.getKey(), job.getJobId(), stderr);
            f.jobId(job.getJobId());
        }
        watcher.watch(job, stderr, group);
        for (ClusterFuture<?> dep : afterOk) {
            dep.completion().whenComplete((v, e) -> {
                if (e == null) return;
                for (ClusterFuture<?> f : group) {
                    if (!f.isDone()) {
                        terminate(f.getJobId());
                        JobWatcher.fail(f, dependencyFailed(dep));
                    }
                }
            });
        }
    }

    private static TaskFailedException dependencyFailed(ClusterFuture<?> dep) {
        Throwable why = dep.completion().handle((v, e) -> e).join();
        if (why instanceof java.util.concurrent.CompletionException && why.getCause() != null) why = why.getCause();
        return new TaskFailedException(dep.getKey(), dep.getJobId(), "a task this one depends on failed: "
                + (why instanceof TaskFailedException tf ? tf.getMessage() : String.valueOf(why)), "", why);
    }

    private static void failAll(List<ClusterFuture<?>> group, Throwable why) {
        for (ClusterFuture<?> f : group) JobWatcher.fail(f, why);
    }

    /** Terminates a job unless it has ended; a failure is logged. */
    void terminate(String jobId) {
        if (jobId == null || closed) return;
        try {
            Optional<Job> job = watcher.job(jobId);
            if (job.isEmpty()) job = session.getJobs(JobInfo.builder().jobId(jobId).build()).stream().findFirst();
            job.ifPresent(j -> {
                if (!j.getState().isTerminal()) j.terminate();
            });
        } catch (Drmaa2Exception e) {
            System.getLogger(TaskSubmitter.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot terminate job " + jobId + ": " + e.getMessage());
        }
    }
}
