// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.drmaa2j.DrmCommunicationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands through small long-lived fork servers ({@code fork-server.pl}, Perl from Debian's
 * essential {@code perl-base}) instead of starting every command from the JVM. A server receives an
 * argv list over a pipe and forks and execs it directly — no shell, so user text is never parsed —
 * with the time-out enforced on the server's side. Behind a transport that costs a round trip per
 * process start ({@code docker exec -i}, SSH) one server replaces one round trip per command; it
 * works locally too.
 *
 * <p>Up to {@value #MAX_SERVERS} servers run at once, so status queries never wait for a slow
 * submission. When no server can be started (no Perl where commands run), every command goes to the
 * fallback runner instead.
 */
public final class ForkServerCommandRunner implements CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ForkServerCommandRunner.class);
    static final int MAX_SERVERS = 4;
    private static final String SCRIPT = loadScript();

    private final List<String> launcher;
    private final Map<String, String> environment;
    private final String description;
    private final CommandRunner fallback;
    private final Deque<ForkServer> idle = new ArrayDeque<>();
    private int running;
    private volatile boolean unavailable;
    private boolean closed;

    /**
     * @param transportPrefix argv placed before {@code perl -e SCRIPT}: empty for this machine,
     *     {@code docker exec -i -u USER CONTAINER} for a container
     * @param environment variables added to the server's environment
     * @param description where commands run, for messages
     * @param fallback the runner used when no fork server can be started
     */
    public ForkServerCommandRunner(List<String> transportPrefix, Map<String, String> environment, String description,
                                   CommandRunner fallback) {
        List<String> l = new ArrayList<>(transportPrefix);
        l.addAll(List.of("perl", "-e", SCRIPT));
        this.launcher = List.copyOf(l);
        this.environment = Map.copyOf(environment);
        this.description = description;
        this.fallback = fallback;
    }

    /** @return a runner for this machine, falling back to {@link LocalCommandRunner} */
    public static ForkServerCommandRunner local() {
        return new ForkServerCommandRunner(List.of(), Map.of(), "local", new LocalCommandRunner());
    }

    /**
     * @param container a running container
     * @param user the user commands run as, or null for the container's default
     * @return a runner for that container, falling back to {@link DockerExecCommandRunner}
     */
    public static ForkServerCommandRunner docker(String container, String user) {
        List<String> prefix = new ArrayList<>(List.of("docker", "exec", "-i"));
        if (user != null) prefix.addAll(List.of("-u", user));
        prefix.add(container);
        return new ForkServerCommandRunner(prefix, Map.of(), "docker://" + (user == null ? "" : user + "@") + container,
                new DockerExecCommandRunner(container, user, Map.of()));
    }

    @Override
    public CommandResult run(Command command) {
        if (unavailable) return fallback.run(command);
        ForkServer server;
        try {
            server = acquire();
        } catch (IOException e) {
            return useFallback(command, "cannot start a fork server: " + e.getMessage());
        }
        if (server == null) return fallback.run(command);
        boolean healthy = false;
        try {
            CommandResult r = server.run(command);
            healthy = true;
            CommandMetrics.record(command, r.elapsed().toNanos());
            return r;
        } catch (CommandNotFoundException e) {
            healthy = true;
            throw e;
        } catch (DrmCommunicationException e) {
            healthy = server.isAlive();
            throw e;
        } catch (IOException e) {
            if (!server.hasAnswered()) return useFallback(command, "the fork server did not answer: " + e.getMessage());
            throw new DrmCommunicationException("lost the fork server on " + description + " while running "
                    + command.program() + ": " + e.getMessage(), e);
        } finally {
            release(server, healthy);
        }
    }

    private CommandResult useFallback(Command command, String why) {
        if (!unavailable) LOG.warn("{} on {}; running each command as its own process instead", why, description);
        unavailable = true;
        return fallback.run(command);
    }

    private synchronized ForkServer acquire() throws IOException {
        while (true) {
            if (closed) throw new DrmCommunicationException("the command runner for " + description + " is closed");
            ForkServer s = idle.pollFirst();
            if (s != null) {
                if (s.isAlive()) return s;
                running--;
                continue;
            }
            if (running < MAX_SERVERS) {
                ForkServer started = ForkServer.start(launcher, environment);
                running++;
                return started;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DrmCommunicationException("interrupted while waiting for a free fork server", e);
            }
        }
    }

    private synchronized void release(ForkServer s, boolean healthy) {
        if (healthy && s.isAlive() && !closed) {
            idle.addFirst(s);
        } else {
            s.destroy();
            running--;
        }
        notifyAll();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(ForkServer::destroy);
        idle.clear();
        fallback.close();
        notifyAll();
    }

    private static String loadScript() {
        try (InputStream in = ForkServerCommandRunner.class.getResourceAsStream("fork-server.pl")) {
            if (in == null) throw new IllegalStateException("fork-server.pl is missing from the spi jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
