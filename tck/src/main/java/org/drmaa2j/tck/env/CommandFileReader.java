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
 * Reads job files by running a command that prints them, the path appended as the last argument,
 * or, for {@link #dockerExec} and {@link #shell}, given to a fixed {@code sh} script as UTF-8 bytes
 * on its standard input: a path then reaches the file system byte for byte whatever this JVM's
 * file-name encoding ({@code sun.jnu.encoding} is ASCII when the JVM starts without a UTF-8 locale,
 * and an argv entry with non-ASCII text would arrive as {@code ?}). A non-zero exit means the file
 * is missing.
 */
public final class CommandFileReader implements JobFileReader {
    /** Prints the file named by its standard input (all of it, trailing line breaks included). */
    static final String CAT_STDIN_NAME = "f=$(cat; echo x); exec cat -- \"${f%x}\"";
    private final List<String> prefix;
    private final boolean pathOnStdin;

    /** @param prefix the command before the path, as an argv list */
    public CommandFileReader(List<String> prefix) {
        this(prefix, false);
    }

    private CommandFileReader(List<String> prefix, boolean pathOnStdin) {
        if (prefix == null || prefix.isEmpty()) throw new IllegalArgumentException("prefix must name a command");
        this.prefix = List.copyOf(prefix);
        this.pathOnStdin = pathOnStdin;
    }

    /**
     * @param container a running container's id or name
     * @return a reader using {@code docker exec -i CONTAINER sh -c …}, the path on standard input
     */
    public static CommandFileReader dockerExec(String container) {
        return new CommandFileReader(List.of("docker", "exec", "-i", container, "sh", "-c", CAT_STDIN_NAME, "sh"), true);
    }

    /** @return a reader of this machine's files through {@code /bin/sh}, the path on standard input */
    public static CommandFileReader shell() {
        return new CommandFileReader(List.of("/bin/sh", "-c", CAT_STDIN_NAME, "sh"), true);
    }

    @Override
    public byte[] read(String path) throws IOException {
        List<String> argv = new ArrayList<>(prefix);
        if (!pathOnStdin) argv.add(path);
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (var in = p.getOutputStream()) {
            if (pathOnStdin) in.write(path.getBytes(StandardCharsets.UTF_8));
        }
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
