// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Properties;

/**
 * The cache directory's layout: {@code tasks/<key>/} holds {@code task.ser} (the serialized task),
 * {@code job.properties} (the job that runs it and where its standard error goes), {@code outcome.ser}
 * (its value or exception, written atomically by the node) and the job's {@code stdout}/{@code stderr}.
 * Directories are created owner-only and everything read is checked to be the user's own
 * ({@link OwnerOnlyFiles}); serialized objects are read through {@link TaskInputFilter}.
 */
final class TaskCache {
    static final String TASK = "task.ser";
    static final String OUTCOME = "outcome.ser";
    static final String JOB = "job.properties";
    private static final int TAIL_BYTES = 4096;
    private static final int TAIL_LINES = 20;

    private final OwnerOnlyFiles files;

    private TaskCache(OwnerOnlyFiles files) {
        this.files = files;
    }

    /**
     * @param root the cache directory, created {@code rwx------} if missing
     * @param owner who must own it, null for the user running this JVM
     * @return the cache
     * @throws UnsafeCacheException if the directory exists and another user could write it
     */
    static TaskCache create(Path root, UserPrincipal owner) {
        OwnerOnlyFiles f = new OwnerOnlyFiles(root, owner);
        f.createRoot();
        return new TaskCache(f);
    }

    /**
     * @param root an existing cache directory, as a task's job finds it
     * @return the cache
     * @throws UnsafeCacheException if another user could write the directory
     */
    static TaskCache open(Path root) {
        OwnerOnlyFiles f = new OwnerOnlyFiles(root, null);
        f.checkPath(f.root());
        return new TaskCache(f);
    }

    Path root() {
        return files.root();
    }

    /** @return the owner-only file keeper of this cache */
    OwnerOnlyFiles files() {
        return files;
    }

    Path taskDir(String key) {
        return root().resolve("tasks").resolve(key);
    }

    void writeTask(String key, byte[] bytes) {
        writeAtomically(files.directory(taskDir(key)).resolve(TASK), bytes);
    }

    /** @throws UnsafeCacheException if the file or a directory above it is not this user's own */
    byte[] readTask(String key) throws IOException {
        Path f = taskDir(key).resolve(TASK);
        files.checkPath(f);
        return Files.readAllBytes(f);
    }

    /** Records the job running a task; {@code stderr} is the job's standard error file. */
    void recordJob(String key, String jobId, Path stderr) {
        Properties p = new Properties();
        p.setProperty("jobId", jobId);
        p.setProperty("stderr", stderr.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(files.directory(taskDir(key)).resolve(JOB), out.toByteArray());
    }

    /**
     * @return the recorded job of a task: its id and standard error path
     * @throws UnsafeCacheException if the record is not this user's own
     */
    Optional<Properties> job(String key) {
        Path f = taskDir(key).resolve(JOB);
        if (!Files.isRegularFile(f)) return Optional.empty();
        files.checkPath(f);
        Properties p = new Properties();
        try (var in = Files.newInputStream(f)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return p.getProperty("jobId") == null ? Optional.empty() : Optional.of(p);
    }

    boolean hasOutcome(String key) {
        return Files.isRegularFile(taskDir(key).resolve(OUTCOME));
    }

    /**
     * @return the task's outcome, if it wrote one
     * @throws IOException if it cannot be read, holds a class the filter refuses, or its classes are missing here
     * @throws UnsafeCacheException if the file or a directory above it is not this user's own
     */
    Optional<Outcome> readOutcome(String key) throws IOException {
        Path f = taskDir(key).resolve(OUTCOME);
        if (!Files.isRegularFile(f)) return Optional.empty();
        files.checkPath(f);
        try {
            return Optional.of((Outcome) TaskCodec.decode(Files.readAllBytes(f)));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("cannot read the result of task " + key + ": " + e, e);
        }
    }

    /** Writes the outcome; a value or exception that cannot be serialized becomes an error saying so. */
    void writeOutcome(String key, Outcome outcome) {
        byte[] bytes;
        try {
            bytes = serialize(outcome);
        } catch (IOException e) {
            Throwable why = outcome.succeeded()
                    ? new java.io.NotSerializableException("the task's result cannot be serialized: " + e.getMessage())
                    : portable(outcome.error);
            try {
                bytes = serialize(Outcome.error(why));
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
        writeAtomically(files.directory(taskDir(key)).resolve(OUTCOME), bytes);
    }

    /** Removes what a failed run left, so that a new job starts clean. */
    void clearRun(String key) {
        try {
            Files.deleteIfExists(taskDir(key).resolve(OUTCOME));
            Files.deleteIfExists(taskDir(key).resolve(JOB));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the last lines of a file, at most a few KiB; empty if it does not exist */
    static String tail(Path file) {
        if (file == null || !Files.isRegularFile(file)) return "";
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            String[] lines = new String(buf, StandardCharsets.UTF_8).split("\n");
            int from = Math.max(start > 0 ? 1 : 0, lines.length - TAIL_LINES);
            return String.join("\n", java.util.Arrays.asList(lines).subList(Math.min(from, lines.length), lines.length));
        } catch (IOException e) {
            return "";
        }
    }

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    /** An exception that cannot be serialized, as a RuntimeException with its class, message and stack. */
    private static Throwable portable(Throwable t) {
        RuntimeException r = new RuntimeException(t.getClass().getName() + ": " + t.getMessage());
        r.setStackTrace(t.getStackTrace());
        return r;
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
