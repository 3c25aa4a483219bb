// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.nio.file.Path;
import org.drmaa2j.InvalidArgumentException;

/**
 * A file or directory of the cache directory could have been written by another user: it is not owned
 * by the user running this JVM, or its group or others may write it. The executor refuses to read
 * tasks, results or staged classes from it, as ssh refuses a private key that others can read, since a
 * planted serialized object or class would run as this user. The message names the path and the fix.
 */
public final class UnsafeCacheException extends InvalidArgumentException {
    private static final long serialVersionUID = 1L;
    /** The field every such exception names. */
    public static final String FIELD = "cacheDirectory";

    private final transient Path path;

    /**
     * @param path the offending file or directory
     * @param message what is wrong with it and how to fix it
     */
    public UnsafeCacheException(Path path, String message) {
        super(FIELD, message);
        this.path = path;
    }

    /** @return the offending file or directory; null after deserialization */
    public Path getPath() {
        return path;
    }
}
