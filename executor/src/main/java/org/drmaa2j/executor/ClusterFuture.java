// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result of a task submitted to a {@link ClusterExecutor}. {@link #get()} returns the task's value,
 * or throws {@link TaskFailedException} (the task's own exception as the cause, the tail of the job's
 * standard error in the message) or an {@link ExecutionException} whose cause says why the task could
 * not be submitted, with the scheduler's own words. Captured by a later task, the future is serialized
 * as its key: the later task's job then depends on this one's and sees the value on the node.
 * {@link #cancel(boolean)} terminates the job.
 *
 * @param <T> the value type
 */
public final class ClusterFuture<T> implements Future<T>, Serializable {
    private static final long serialVersionUID = 1L;

    /** The task's key in the executor's cache. */
    private final String key;
    private final transient CompletableFuture<T> result = new CompletableFuture<>();
    private final transient ClusterExecutor executor;
    private transient volatile String jobId;

    ClusterFuture(String key, ClusterExecutor executor) {
        this.key = key;
        this.executor = executor;
    }

    /** A future completed from an outcome, as a captured future is on the node. */
    @SuppressWarnings("unchecked")
    static ClusterFuture<?> resolved(String key, Outcome o) {
        ClusterFuture<Object> f = new ClusterFuture<>(key, null);
        if (o.succeeded()) {
            f.result.complete(o.value);
        } else {
            f.result.completeExceptionally(new TaskFailedException(key, null, "task " + key + " failed", "", o.error));
        }
        return f;
    }

    /** @return the task's key: its name in the cache directory */
    public String getKey() {
        return key;
    }

    /** @return the id of the job running or having run the task, or null if it was not submitted (yet) */
    public String getJobId() {
        return jobId;
    }

    void jobId(String id) {
        jobId = id;
    }

    CompletableFuture<T> completion() {
        return result;
    }

    /** @return a CompletableFuture completed with this future; completing it does not affect this one */
    public CompletableFuture<T> toCompletableFuture() {
        return result.copy();
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (result.isDone()) return false;
        if (executor != null) executor.cancelJob(this);
        return result.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return result.isCancelled();
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return result.get(timeout, unit);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    private static ExecutionException unwrap(ExecutionException e) {
        return e.getCause() instanceof TaskFailedException t ? t : e;
    }

    /**
     * Serializes a future as a reference to its task's key, which the task runner resolves to the
     * task's value when a later task that captured this future runs.
     *
     * @return the reference written in place of this future
     */
    private Object writeReplace() {
        return new FutureRef(key);
    }

    @Override
    public String toString() {
        return "ClusterFuture[" + key + (jobId == null ? "" : ", job " + jobId) + (result.isDone() ? ", done]" : "]");
    }
}
