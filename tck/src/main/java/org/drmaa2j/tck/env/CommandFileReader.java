// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.env;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.tck.JobFileReader;

/**
 * Reads job files by running a command that prints them, the path appended as the last argument;
 * for a container, {@code docker exec CONTAINER cat}. A non-zero exit means the file is missing.
 */
public final class CommandFileReader implements JobFileReader {
    private final List<String> prefix;

    /** @param prefix the command before the path, as an argv list */
    public CommandFileReader(List<String> prefix) {
        if (prefix == null || prefix.isEmpty()) throw new IllegalArgumentException("prefix must name a command");
        this.prefix = List.copyOf(prefix);
    }

    /** @param container a running container's id or name @return a reader using {@code docker exec CONTAINER cat} */
    public static CommandFileReader dockerExec(String container) {
        return new CommandFileReader(List.of("docker", "exec", container, "cat", "--"));
    }

    @Override
    public byte[] read(String path) throws IOException {
        List<String> argv = new ArrayList<>(prefix);
        argv.add(path);
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not end within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + path, e);
        }
        if (p.exitValue() != 0) {
            throw new NoSuchFileException(path, null, String.join(" ", argv) + " exited " + p.exitValue() + ": "
                    + new String(err.join(), StandardCharsets.UTF_8).trim());
        }
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
