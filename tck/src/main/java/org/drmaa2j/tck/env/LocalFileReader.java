// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.env;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drmaa2j.tck.JobFileReader;

/**
 * Reads job files from the file system of the machine the TCK runs on (local jobs, shared file
 * systems). Jobs name their files in UTF-8; a path this JVM cannot name (its file-name encoding,
 * {@code sun.jnu.encoding}, is ASCII when it starts without a UTF-8 locale, as under plain
 * {@code docker exec} or cron) is read through {@link CommandFileReader#shell()}, byte for byte.
 */
public final class LocalFileReader implements JobFileReader {
    private static final Charset NAMES = fileNameCharset();
    private final CommandFileReader shell = CommandFileReader.shell();

    @Override
    public byte[] read(String path) throws IOException {
        if (!NAMES.newEncoder().canEncode(path)) return shell.read(path);
        return Files.readAllBytes(Path.of(path));
    }

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return Charset.forName("US-ASCII");
        }
    }
}
