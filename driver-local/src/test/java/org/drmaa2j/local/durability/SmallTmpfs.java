// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local.durability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs that a test mounts (it must run as root) and unmounts when done, to run a file
 * system out of space on purpose.
 */
final class SmallTmpfs implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** @return true when this process may mount file systems (it runs as root) */
    static boolean canMount() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * @param mountPoint an empty directory, created if missing
     * @param kib the size in KiB
     * @return the mounted file system
     * @throws IOException when mount fails
     */
    static SmallTmpfs mount(Path mountPoint, int kib) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0700", "tmpfs", mountPoint.toString()));
        return new SmallTmpfs(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Fills the file system until it has no space left. */
    void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 1_000_000; i++) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
            return;
        }
        throw new IOException("the file system did not fill up");
    }

    /** Frees what {@link #fill()} took. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("umount", "-l", mountPoint.toString()));
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
}
