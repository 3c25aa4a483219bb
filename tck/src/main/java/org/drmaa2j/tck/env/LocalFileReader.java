// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drmaa2j.tck.JobFileReader;

/** Reads job files from the file system of the machine the TCK runs on (local jobs, shared file systems). */
public final class LocalFileReader implements JobFileReader {
    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(Path.of(path));
    }
}
