// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Reads a file that a job wrote, by the path the job used. Three kinds exist: the local file system
 * ({@link org.drmaa2j.tck.env.LocalFileReader}), a command that prints the file such as
 * {@code docker exec CONTAINER cat} ({@link org.drmaa2j.tck.env.CommandFileReader}), and a remote
 * login node over SFTP.
 */
@FunctionalInterface
public interface JobFileReader {
    /**
     * @param path the absolute path as the job saw it
     * @return the file's bytes
     * @throws NoSuchFileException if there is no such file (yet)
     * @throws IOException if the file cannot be read
     */
    byte[] read(String path) throws IOException;
}
