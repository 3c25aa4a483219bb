// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.util.NativeEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands as local processes from an argv list; no shell is involved. Where the C library
 * allows it, processes start through {@link PosixSpawn} on the calling thread; elsewhere through
 * {@link ProcessBuilder}.
 */
public final class LocalCommandRunner implements CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCommandRunner.class);
    private final Map<String, String> environment;
    private final boolean counted;
    /** The child environment for {@link PosixSpawn}, or null when commands start through ProcessBuilder. */
    private final String[] envp;

    /** A runner that inherits this process's environment. */
    public LocalCommandRunner() {
        this(Map.of());
    }

    /** @param environment variables added to the inherited environment of every command */
    public LocalCommandRunner(Map<String, String> environment) {
        this(environment, true);
    }

    /** @param counted false for a runner that only carries another runner's commands (not counted twice) */
    LocalCommandRunner(Map<String, String> environment, boolean counted) {
        this(environment, counted, posixSpawnAvailable());
    }

    private static boolean posixSpawnAvailable() {
        try {
            return PosixSpawn.available();
        } catch (LinkageError e) { // JNA left out of the class path
            return false;
        }
    }

    /** @param posixSpawn false to start every command through ProcessBuilder even where PosixSpawn works */
    LocalCommandRunner(Map<String, String> environment, boolean counted, boolean posixSpawn) {
        this.environment = Map.copyOf(environment);
        this.counted = counted;
        this.envp = posixSpawn && posixSpawnAvailable() ? PosixSpawn.environment(System.getenv(), this.environment) : null;
    }

    /** @return true when commands start through {@link PosixSpawn} */
    boolean usesPosixSpawn() {
        return envp != null;
    }

    @Override
    public CommandResult run(Command command) {
        if (envp == null) return runWithProcessBuilder(command);
        CommandResult r = PosixSpawn.run(command, envp);
        if (counted) CommandMetrics.record(command, r.elapsed().toNanos());
        LOG.debug("{} -> exit {} in {} ms", command.program(), r.exitCode(), r.elapsed().toMillis());
        return r;
    }

    private CommandResult runWithProcessBuilder(Command command) {
        for (int i = 0; i < command.argv().size(); i++) NativeEncoding.requirePassable("argv[" + i + "]", command.argv().get(i));
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        pb.environment().putAll(environment);
        if (command.stdin() == null) pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CommandNotFoundException("cannot run " + command.program() + ": " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        try {
            if (command.stdin() != null) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(command.stdin());
                } catch (IOException e) {
                    LOG.debug("{} closed its input early: {}", command.program(), e.getMessage());
                }
            }
            if (!p.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new DrmCommunicationException(command.program() + " did not finish within "
                        + command.timeout().toSeconds() + " s and was killed");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (counted) CommandMetrics.record(command, elapsed.toNanos());
            String stdout = new String(out.get(), StandardCharsets.UTF_8);
            String stderr = new String(err.get(), StandardCharsets.UTF_8);
            LOG.debug("{} -> exit {} in {} ms", command.program(), p.exitValue(), elapsed.toMillis());
            return new CommandResult(command, p.exitValue(), stdout, stderr, elapsed);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DrmCommunicationException("interrupted while running " + command.program(), e);
        } catch (ExecutionException e) {
            throw new DrmCommunicationException("cannot read the output of " + command.program(), e.getCause());
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
                in.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OutputDrainers.POOL);
    }

    /** Starts the helper through {@link ProcessBuilder}, with this runner's environment. */
    @Override
    public java.util.Optional<CoProcess> startCoProcess(Command command) {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        pb.environment().putAll(environment);
        try {
            return java.util.Optional.of(new CoProcess(pb.start()));
        } catch (IOException e) {
            throw new DrmCommunicationException("cannot start " + command.program() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "local";
    }
}
