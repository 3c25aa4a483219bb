// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
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

    /** @return a short stable hash of a text, for names */
    static String shortHash(String text) {
        return new Encoded(text.getBytes(StandardCharsets.UTF_8), Set.of()).hashKey().substring(0, 12);
    }
}
