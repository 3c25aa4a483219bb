// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Extensions;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;

/**
 * An {@link ExecutorService} whose tasks run as cluster jobs, on any driver. Each task (a serializable
 * {@link Callable}, see {@link ClusterTask}) is serialized into the cache directory and run by a job
 * {@code java -cp <class path> org.drmaa2j.executor.TaskMain <cache directory> <key>}, which writes the
 * task's value or exception back; the returned {@link ClusterFuture} then completes.
 *
 * <ul>
 * <li><b>Keys and the cache.</b> A task is named by a key: {@link TaskOptions#getKey()} or a hash of the
 * serialized task. Submitting a task whose key has a successful result in the cache returns that
 * result without a job; one whose job is still queued or running attaches to that job. So a program
 * restarted with the same cache directory reattaches to its running work and reuses finished results
 * instead of submitting again. Failed tasks are submitted again.</li>
 * <li><b>Dependencies.</b> A {@link ClusterFuture} a task captures is a dependency: on a driver that
 * honours {@link Extensions#DEPENDENCIES} the task's job is submitted at once with {@code afterok} on
 * the earlier job; otherwise the executor submits it when the dependencies have succeeded. On the
 * node the captured future holds the earlier task's value. If a dependency fails, so does the task.</li>
 * <li><b>Grouping.</b> {@link #submitAll(List, TaskOptions)} runs many small tasks one after another
 * in one job; each has its own future and its own cache entry.</li>
 * <li><b>Class path.</b> The job runs with this JVM's class path (and the entries of its module path, on
 * the job's class path), which must then be on a file system
 * the nodes share, or with a copy staged into the cache directory ({@link Builder#stageClasspath}).
 * The cache directory itself must always be shared with the nodes.</li>
 * <li><b>Safety.</b> Whoever can write the cache directory can run code as its user: a serialized task
 * or a staged class is executed by the job. So the cache directory is created {@code rwx------}, and an
 * existing one, every file read from it and every staged class path entry must be owned by the user and
 * writable by nobody else, or {@link UnsafeCacheException} says which path and why (as ssh refuses a
 * private key others can read). Tasks and results are read through an {@link java.io.ObjectInputFilter}
 * that bounds the object graph and refuses the classes of known deserialization gadget chains; the
 * system property {@code drmaa2j.executor.serialFilter} (in this JVM and, through
 * {@link Builder#jvmOptions}, in the jobs') raises the bounds for larger data.</li>
 * <li><b>Shutdown.</b> {@link #shutdown(boolean, boolean)}: {@code (true, false)} waits for every
 * task, as {@link #close()} does; {@code (false, false)} disconnects: the jobs keep running and a new
 * executor on the same cache directory picks them up, while this executor's unfinished futures fail
 * with an {@link ExecutionException} saying so; {@code (false, true)} cancels the jobs not finished
 * yet.</li>
 * </ul>
 */
public final class ClusterExecutor implements ExecutorService, AutoCloseable {
    /** The session name prefix used when none is given; a hash of the cache directory follows. */
    public static final String SESSION_PREFIX = "drmaa2j-executor-";
    private static final System.Logger LOG = System.getLogger(ClusterExecutor.class.getName());
    /** A safety cap on how long close waits for jobs whose results are in to end (they end a moment after). */
    private static final Duration JOB_END_CAP = Duration.ofSeconds(30);

    private final SessionManager manager;
    private final boolean ownsManager;
    private final JobSession session;
    private final TaskCache cache;
    private final TaskOptions defaults;
    private final Map<String, ClusterFuture<?>> futures = new ConcurrentHashMap<>();
    private final JobWatcher watcher;
    private final TaskSubmitter jobs;
    private final Object lock = new Object();
    private volatile boolean shutdown;
    private volatile boolean closed;

    private ClusterExecutor(Builder b, TaskCache cache, List<String> cp, SessionManager manager, JobSession session) {
        this.manager = manager;
        this.ownsManager = b.manager == null;
        this.session = session;
        this.cache = cache;
        this.defaults = b.defaults;
        List<String> args = new ArrayList<>(b.jvmOptions);
        args.add("-cp");
        args.add(String.join(File.pathSeparator, cp));
        args.add(TaskMain.class.getName());
        args.add(cache.root().toString());
        this.watcher = new JobWatcher(session, cache);
        this.jobs = new TaskSubmitter(session, cache, watcher, futures, b.javaCommand, args);
    }

    /**
     * @param cacheDirectory where tasks, results and job records are kept; shared with the nodes
     * @return a builder
     */
    public static Builder builder(Path cacheDirectory) {
        return new Builder(cacheDirectory);
    }

    /** @return the job session the tasks run in */
    public JobSession getJobSession() {
        return session;
    }

    /** @return the cache directory, absolute */
    public Path getCacheDirectory() {
        return cache.root();
    }

    /**
     * Submits a task with the executor's default options.
     *
     * @param task the task
     * @param <T> its value type
     * @return its future
     * @throws RejectedExecutionException if the executor is shut down or the task cannot be serialized
     */
    public <T> ClusterFuture<T> submit(ClusterTask<T> task) {
        return submit(task, TaskOptions.none());
    }

    /**
     * Submits a task as one job.
     *
     * @param task the task
     * @param options resources and key of this task, over the executor's defaults
     * @param <T> its value type
     * @return its future; a refused submission fails it with the scheduler's message
     * @throws RejectedExecutionException if the executor is shut down or the task cannot be serialized
     */
    public <T> ClusterFuture<T> submit(ClusterTask<T> task, TaskOptions options) {
        return this.<T>accept(List.of(task), options).get(0);
    }

    /**
     * Submits a serializable callable as one job, as {@link #submit(ClusterTask, TaskOptions)} does.
     *
     * @param task a callable that is also {@link Serializable}
     * @param options resources and key of this task, over the executor's defaults
     * @param <T> its value type
     * @return its future
     * @throws RejectedExecutionException if the executor is shut down or the task cannot be serialized
     */
    public <T> ClusterFuture<T> submit(Callable<T> task, TaskOptions options) {
        return this.<T>accept(List.of(task), options).get(0);
    }

    /**
     * Runs many small tasks in one job, one after another. With a {@link TaskOptions#getKey() key},
     * task i gets the key {@code key-i}.
     *
     * @param tasks the tasks, each serializable
     * @param options resources of the one job, over the executor's defaults
     * @param <T> their value type
     * @return their futures, in order
     * @throws RejectedExecutionException if the executor is shut down or a task cannot be serialized
     */
    public <T> List<ClusterFuture<T>> submitAll(List<? extends Callable<T>> tasks, TaskOptions options) {
        if (tasks.isEmpty()) return List.of();
        return accept(new ArrayList<Object>(tasks), options);
    }

    /**
     * @param task a serializable callable (a plain lambda is not; use {@link #submit(ClusterTask)})
     * @throws RejectedExecutionException if it is not serializable or the executor is shut down
     */
    @Override
    public <T> ClusterFuture<T> submit(Callable<T> task) {
        return submit(task, TaskOptions.none());
    }

    /**
     * @param task a serializable runnable
     * @throws RejectedExecutionException if it is not serializable or the executor is shut down
     */
    @Override
    public ClusterFuture<?> submit(Runnable task) {
        return this.accept(List.of(task), TaskOptions.none()).get(0);
    }

    /**
     * @param task a serializable runnable
     * @param result a serializable value the future gives when the task succeeded
     * @throws RejectedExecutionException if either is not serializable or the executor is shut down
     */
    @Override
    public <T> ClusterFuture<T> submit(Runnable task, T result) {
        return submit(new RunnableWithResult<>(task, result), TaskOptions.none());
    }

    @Override
    public void execute(Runnable command) {
        submit(command);
    }

    @SuppressWarnings("unchecked")
    private <T> List<ClusterFuture<T>> accept(List<Object> tasks, TaskOptions options) {
        if (shutdown) throw new RejectedExecutionException("the executor is shut down");
        TaskOptions o = defaults.overriddenBy(options);
        List<ClusterFuture<T>> result = new ArrayList<>();
        List<ClusterFuture<?>> toRun = new ArrayList<>();
        Set<String> deps = new LinkedHashSet<>();
        synchronized (lock) {
            for (int i = 0; i < tasks.size(); i++) {
                Object task = tasks.get(i);
                if (!(task instanceof Serializable)) {
                    throw new RejectedExecutionException(task.getClass().getName() + " is not serializable: tasks run as"
                            + " cluster jobs; pass a ClusterTask (any lambda given to submit(ClusterTask) is one)");
                }
                TaskCodec.Encoded e = TaskCodec.encode(task);
                String key = o.getKey() == null ? e.hashKey() : tasks.size() == 1 ? o.getKey() : o.getKey() + "-" + i;
                ClusterFuture<?> known = futures.get(key);
                if (known != null) {
                    result.add((ClusterFuture<T>) known);
                    continue;
                }
                ClusterFuture<T> f = new ClusterFuture<>(key, this);
                futures.put(key, f);
                result.add(f);
                if (reuse(f)) continue;
                cache.writeTask(key, e.bytes());
                toRun.add(f);
                deps.addAll(e.dependencies());
            }
        }
        if (!toRun.isEmpty()) jobs.schedule(toRun, o, deps);
        return result;
    }

    /** @return true if the future was completed from the cache or attached to its running job */
    private boolean reuse(ClusterFuture<?> f) {
        String key = f.getKey();
        if (cache.hasOutcome(key)) {
            try {
                Optional<Outcome> o = cache.readOutcome(key);
                if (o.isPresent() && o.get().succeeded()) {
                    String jobId = cache.job(key).map(p -> p.getProperty("jobId")).orElse(null);
                    f.jobId(jobId);
                    JobWatcher.complete(cache, f, jobId, null);
                    return true;
                }
            } catch (IOException e) {
                // unreadable: run again
            }
        }
        Optional<Properties> recorded = cache.job(key);
        if (recorded.isPresent()) {
            String jobId = recorded.get().getProperty("jobId");
            List<Job> found = session.getJobs(JobInfo.builder().jobId(jobId).build());
            if (!found.isEmpty() && !found.get(0).getState().isTerminal()) {
                f.jobId(jobId);
                watcher.watch(found.get(0), Path.of(recorded.get().getProperty("stderr")), List.of(f));
                return true;
            }
        }
        cache.clearRun(key);
        return false;
    }

    /** Terminates the job of a future being cancelled. */
    void cancelJob(ClusterFuture<?> f) {
        if (!closed) jobs.terminate(f.getJobId());
    }

    /**
     * Stops accepting tasks, then as {@code wait} and {@code cancelFutures} say: wait for every task;
     * cancel (terminate) every unfinished one; or neither, which disconnects and leaves the jobs running
     * for a later executor on the same cache directory. Closes the session in every case.
     *
     * @param wait wait until every task has finished
     * @param cancelFutures cancel the tasks not finished yet
     */
    public void shutdown(boolean wait, boolean cancelFutures) {
        shutdown = true;
        if (cancelFutures) {
            for (ClusterFuture<?> f : futures.values()) f.cancel(true);
        }
        if (wait) {
            for (ClusterFuture<?> f : futures.values()) f.completion().handle((v, e) -> null).join();
            awaitJobsEnded();
        }
        closeResources();
    }

    /** Stops accepting tasks; the accepted ones finish, then the session is closed. Does not wait. */
    @Override
    public void shutdown() {
        shutdown = true;
        CompletableFuture.allOf(futures.values().stream().map(ClusterFuture::completion).toArray(CompletableFuture[]::new))
                .whenComplete((v, e) -> closeResources());
    }

    /** Cancels every unfinished task ({@code shutdown(false, true)}). @return an empty list */
    @Override
    public List<Runnable> shutdownNow() {
        shutdown(false, true);
        return List.of();
    }

    /**
     * Waits for every task ({@code shutdown(true, false)}), and for the jobs of those whose results are
     * in to end (at most 30 s), so that no job of this executor writes into its directories afterwards.
     */
    @Override
    public void close() {
        shutdown(true, false);
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && futures.values().stream().allMatch(ClusterFuture::isDone);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (ClusterFuture<?> f : futures.values()) {
            try {
                f.completion().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                // finished
            } catch (TimeoutException e) {
                return false;
            }
        }
        return isTerminated();
    }

    /** Lets the jobs whose results are in end before the session closes, so that none writes after close returns. */
    private void awaitJobsEnded() {
        try {
            if (!watcher.awaitJobsEnded(JOB_END_CAP)) {
                LOG.log(System.Logger.Level.INFO, "closing while jobs " + watcher.watchedJobIds() + " have not ended "
                        + JOB_END_CAP.toSeconds() + " s after their results; they run on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeResources() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
        }
        watcher.stop();
        jobs.close();
        for (ClusterFuture<?> f : futures.values()) {
            if (!f.isDone()) {
                JobWatcher.fail(f, new IllegalStateException("the executor was shut down without waiting; job "
                        + f.getJobId() + " of task " + f.getKey() + " keeps running, and an executor on the cache directory "
                        + cache.root() + " picks its result up"));
            }
        }
        try {
            session.close();
        } finally {
            if (ownsManager) manager.close();
        }
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        List<Future<T>> out = new ArrayList<>();
        for (Callable<T> t : tasks) out.add(submit(t));
        for (Future<T> f : out) {
            try {
                f.get();
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                // reported by the future
            }
        }
        return out;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<Future<T>> out = new ArrayList<>();
        for (Callable<T> t : tasks) out.add(submit(t));
        for (Future<T> f : out) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                // reported by the future
            } catch (TimeoutException e) {
                f.cancel(true);
            }
        }
        return out;
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException(e);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<ClusterFuture<T>> submitted = new ArrayList<>();
        for (Callable<T> t : tasks) submitted.add(submit(t));
        CompletableFuture<T> first = new CompletableFuture<>();
        CompletableFuture.allOf(submitted.stream().map(f -> f.completion().thenAccept(first::complete))
                .toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
                    if (e != null) first.completeExceptionally(e);
                });
        try {
            return first.get(timeout, unit);
        } finally {
            for (ClusterFuture<T> f : submitted) f.cancel(true);
        }
    }

    /** A runnable and the value its future gives. */
    private record RunnableWithResult<T>(Runnable task, T result) implements Callable<T>, Serializable {
        @Override
        public T call() {
            task.run();
            return result;
        }
    }

    /** Builds a {@link ClusterExecutor}. */
    public static final class Builder {
        private final Path cacheDirectory;
        private String driver;
        private Map<String, String> properties = Map.of();
        private String contact;
        private SessionManager manager;
        private String sessionName;
        private TaskOptions defaults = TaskOptions.none();
        private List<String> classpath;
        private boolean stageClasspath;
        private String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private List<String> jvmOptions = List.of();

        private Builder(Path cacheDirectory) {
            if (cacheDirectory == null) throw new org.drmaa2j.InvalidArgumentException("cacheDirectory", "must not be null");
            this.cacheDirectory = cacheDirectory;
        }

        /**
         * @param v the driver name; null chooses as {@link Drmaa2#getSessionManager(String)} does
         * @return this
         */
        public Builder driver(String v) { driver = v; return this; }

        /**
         * @param v driver properties
         * @return this
         */
        public Builder properties(Map<String, String> v) { properties = v == null ? Map.of() : Map.copyOf(v); return this; }

        /**
         * @param v the contact, used when the session is created
         * @return this
         */
        public Builder contact(String v) { contact = v; return this; }

        /**
         * @param v a session manager to use instead of one made from driver and properties; not closed by the executor
         * @return this
         */
        public Builder sessionManager(SessionManager v) { manager = v; return this; }

        /**
         * @param v the persistent job session's name; default {@value #SESSION_PREFIX} and a hash of the cache directory
         * @return this
         */
        public Builder sessionName(String v) { sessionName = v; return this; }

        /**
         * @param v options every task gets unless it sets its own
         * @return this
         */
        public Builder defaults(TaskOptions v) { defaults = v == null ? TaskOptions.none() : v; return this; }

        /**
         * @param v the class path entries of the jobs; default this JVM's class path and module path
         * @return this
         */
        public Builder classpath(List<String> v) { classpath = v == null ? null : List.copyOf(v); return this; }

        /**
         * @param v copy the class path into the cache directory and run the jobs with the copy
         * @return this
         */
        public Builder stageClasspath(boolean v) { stageClasspath = v; return this; }

        /**
         * @param v the java command on the nodes; default this JVM's own {@code bin/java}
         * @return this
         */
        public Builder javaCommand(String v) { javaCommand = v; return this; }

        /**
         * @param v options of the jobs' JVMs, such as {@code -Xmx512m}
         * @return this
         */
        public Builder jvmOptions(List<String> v) { jvmOptions = v == null ? List.of() : List.copyOf(v); return this; }

        /**
         * Creates the cache directory {@code rwx------} when it is missing, stages the class path when asked,
         * and opens the persistent job session (creating it on first use).
         *
         * @return the executor
         * @throws UnsafeCacheException if the cache directory, or a staged class path entry in it, is not owned
         *         by the user running this JVM or is writable by others
         * @throws Drmaa2Exception if the driver or session cannot be opened
         */
        public ClusterExecutor build() {
            TaskCache cache = TaskCache.create(cacheDirectory, null);
            List<String> cp = classpath != null ? classpath : ClasspathStager.current();
            if (stageClasspath) cp = ClasspathStager.stage(cp, cache.files(), cache.root().resolve("classpath"));
            SessionManager sm = manager != null ? manager : Drmaa2.getSessionManager(driver, properties);
            try {
                String name = sessionName != null ? sessionName
                        : SESSION_PREFIX + TaskCodec.shortHash(cache.root().toString());
                return new ClusterExecutor(this, cache, cp, sm, openOrCreate(sm, name));
            } catch (RuntimeException e) {
                if (manager == null) sm.close();
                throw e;
            }
        }

        private JobSession openOrCreate(SessionManager sm, String name) {
            if (sm.getJobSessionNames().contains(name)) return sm.openJobSession(name);
            try {
                return sm.createJobSession(name, contact);
            } catch (SessionManagementException e) {
                if (sm.getJobSessionNames().contains(name)) return sm.openJobSession(name);
                throw e;
            }
        }
    }
}
