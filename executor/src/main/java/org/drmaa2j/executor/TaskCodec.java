// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serializes a task and finds the futures it captured: each {@link ClusterFuture} is written as its
 * key only ({@link FutureRef}), so equal tasks give equal bytes and equal keys.
 */
final class TaskCodec {
    private TaskCodec() {
    }

    /**
     * @param bytes the serialized task
     * @param dependencies keys of the futures the task captured
     */
    record Encoded(byte[] bytes, Set<String> dependencies) {
        /** @return a key made from the bytes: 32 hex digits of their SHA-256 */
        String hashKey() {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 16; i++) sb.append(String.format("%02x", d[i]));
                return sb.toString();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * @throws RejectedExecutionException if the task or something it captured is not serializable
     */
    static Encoded encode(Object task) {
        Set<String> deps = new LinkedHashSet<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                if (obj instanceof FutureRef ref) deps.add(ref.key);
                return obj;
            }
        }) {
            out.writeObject(task);
        } catch (NotSerializableException e) {
            throw new RejectedExecutionException("The task or something it captures is not serializable: "
                    + e.getMessage() + " (tasks run as cluster jobs and are serialized into the cache directory)", e);
        } catch (IOException e) {
            throw new RejectedExecutionException("Cannot serialize the task: " + e, e);
        }
        return new Encoded(bytes.toByteArray(), deps);
    }

    /**
     * Reads a serialized task or outcome through {@link TaskInputFilter}, resolving classes through the
     * thread's context class loader first.
     *
     * @param bytes what {@link #encode} or {@link TaskCache} wrote
     * @return the object
     * @throws InvalidClassException if the filter refuses a class or a limit; the message says which
     * @throws IOException if the bytes are not a serialized object
     * @throws ClassNotFoundException if a class is missing here
     */
    static Object decode(byte[] bytes) throws IOException, ClassNotFoundException {
        RecordingFilter filter = new RecordingFilter(TaskInputFilter.create());
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                ClassLoader cl = Thread.currentThread().getContextClassLoader();
                if (cl != null) {
                    try {
                        return Class.forName(desc.getName(), false, cl);
                    } catch (ClassNotFoundException e) {
                        // fall back to the default resolution
                    }
                }
                return super.resolveClass(desc);
            }
        }) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (filter.refused == null) throw e;
            InvalidClassException why = new InvalidClassException("refused by the executor's deserialization filter: "
                    + filter.refused + " (see " + TaskInputFilter.PROPERTY + ")");
            why.initCause(e);
            throw why;
        }
    }

    /** Remembers what the filter refused, for the message. */
    private static final class RecordingFilter implements ObjectInputFilter {
        private final ObjectInputFilter delegate;
        private volatile String refused;

        RecordingFilter(ObjectInputFilter delegate) {
            this.delegate = delegate;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            Status s = delegate.checkInput(info);
            if (s == Status.REJECTED && refused == null) {
                String extra = System.getProperty(TaskInputFilter.PROPERTY);
                refused = (info.serialClass() != null ? "class " + info.serialClass().getName() : "an object")
                        + (info.arrayLength() >= 0 ? ", array length " + info.arrayLength() : "")
                        + " at depth " + info.depth() + " after " + info.references() + " references and "
                        + info.streamBytes() + " bytes (limits " + TaskInputFilter.LIMITS
                        + (extra == null || extra.isBlank() ? "" : ", then " + extra.strip()) + ")";
            }
            return s;
        }
    }

    /** @return a short stable hash of a text, for names */
    static String shortHash(String text) {
        return new Encoded(text.getBytes(StandardCharsets.UTF_8), Set.of()).hashKey().substring(0, 12);
    }
}
