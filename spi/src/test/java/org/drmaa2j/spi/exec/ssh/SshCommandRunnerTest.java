// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshCommandRunnerTest {
    @TempDir
    static Path dir;
    static TestSshServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestSshServer(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static SshCommandRunner runner(Map<String, String> props) {
        return SshCommandRunner.open(Contact.parse(server.contact()), new DriverSettings("test", props));
    }

    @Test
    void argumentsArriveByteForByte_throughTheRemoteShell() {
        List<String> args = List.of("it's", "\"double\"", "$HOME", "${PATH}", "$(id)", "`id`", "a;b", "x && y", "| cat", "> out",
                "line1\nline2", "  two  spaces  ", "\ttab", "*", "?", "~", "#hash", "back\\slash", "!bang", "", "cr\rhere",
                "ünïcødé ✓", "'", "''", "-n");
        String[] argv = new String[args.size() + 2];
        argv[0] = "printf";
        argv[1] = "[%s]\\n";
        for (int i = 0; i < args.size(); i++) argv[i + 2] = args.get(i);
        try (SshCommandRunner r = runner(server.properties())) {
            CommandResult res = r.run(Command.of(argv));
            assertEquals(0, res.exitCode(), res.stderr());
            StringBuilder want = new StringBuilder();
            for (String a : args) want.append('[').append(a).append("]\n");
            assertEquals(want.toString(), res.stdout());
        }
    }

    @Test
    void stdinStdoutStderrAndExitCode_likeTheLocalRunner() {
        try (SshCommandRunner r = runner(server.properties())) {
            String script = "#!/bin/sh\necho \"$1 'quoted' $HOME\" ; exit 7\n";
            CommandResult cat = r.run(Command.of("cat").withStdin(script));
            assertEquals(script, cat.stdout());
            CommandResult sh = r.run(Command.of("sh", "-c", "echo out; echo err >&2; exit 3"));
            assertEquals(3, sh.exitCode());
            assertEquals("out\n", sh.stdout());
            assertEquals("err\n", sh.stderr());
            assertEquals("", r.run(Command.of("cat")).stdout(), "no input means end of input at once");
            assertEquals(127, r.run(Command.of("no-such-program-drmaa2j")).exitCode());
            assertEquals(128 + 9, r.run(Command.of("sh", "-c", "kill -9 $$")).exitCode());
        }
    }

    @Test
    void oneConnectionCarriesAllCommands_evenFromManyThreads() throws Exception {
        try (SshCommandRunner r = runner(server.properties())) {
            List<CompletableFuture<String>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String word = "w" + i;
                all.add(CompletableFuture.supplyAsync(() -> r.run(Command.of("echo", word)).stdout()));
            }
            for (int i = 0; i < 24; i++) assertEquals("w" + i + "\n", all.get(i).get());
            assertEquals(1, r.connects());
            assertEquals(1, server.activeSessions());
        }
    }

    @Test
    void theConnectionSendsSmallPacketsAtOnce_nagleOff() throws Exception {
        try (SshCommandRunner r = runner(server.properties())) {
            r.run(Command.of("true"));
            Nio2Session io = (Nio2Session) r.connection().session().getIoSession();
            // with Nagle's algorithm on, a command's small packets wait for delayed acknowledgements (40 ms each on Linux)
            assertEquals(Boolean.TRUE, io.getSocket().getOption(StandardSocketOptions.TCP_NODELAY));
        }
    }

    @Test
    void reconnects_whenTheConnectionDropped_betweenCommands() {
        try (SshCommandRunner r = runner(server.properties())) {
            assertEquals("a\n", r.run(Command.of("echo", "a")).stdout());
            server.dropConnections();
            assertEquals("b\n", r.run(Command.of("echo", "b")).stdout());
            assertEquals(2, r.connects());
        }
    }

    /**
     * Appends "ran" to the file $1; the first run then sleeps until the connection is dropped under it
     * (whatever the machine's load), a second run goes on at once.
     */
    private static final String FIRST_RUN_HANGS = "echo ran >> \"$1\"; if [ \"$(wc -l < \"$1\")\" -eq 1 ]; then exec sleep 300; fi; ";

    @Test
    void aRetryableCommand_cutOffByADrop_runsOnceMoreOnANewConnection() throws Exception {
        Path log = dir.resolve("retryable.log");
        try (SshCommandRunner r = runner(server.properties())) {
            r.run(Command.of("true"));
            CompletableFuture<CommandResult> f = CompletableFuture.supplyAsync(() ->
                    r.run(Command.of("sh", "-c", FIRST_RUN_HANGS + "echo finished", "sh", log.toString())));
            awaitLines(log, 1);
            server.dropConnections();
            CommandResult res = f.get();
            assertEquals("finished\n", res.stdout());
            assertEquals(2, Files.readAllLines(log).size(), "ran twice: once cut off, once to the end");
        }
    }

    @Test
    void aSubmissionCutOffByADrop_isNotRepeated_andItsFateIsReportedUnknown() throws Exception {
        Path log = dir.resolve("submission.log");
        try (SshCommandRunner r = runner(server.properties())) {
            r.run(Command.of("true"));
            CompletableFuture<CommandResult> f = CompletableFuture.supplyAsync(() ->
                    r.run(Command.of("sh", "-c", FIRST_RUN_HANGS + "echo 42", "sh", log.toString()).notRetryable()));
            awaitLines(log, 1);
            server.dropConnections();
            Throwable e = assertThrows(java.util.concurrent.ExecutionException.class, f::get).getCause();
            assertTrue(e instanceof DrmCommunicationException, e.toString());
            assertTrue(e.getMessage().contains("not safe to repeat") && e.getMessage().contains("unknown"), e.getMessage());
            Thread.sleep(1500);
            assertEquals(1, Files.readAllLines(log).size());
            assertEquals("ok\n", r.run(Command.of("echo", "ok")).stdout(), "the next command reconnects");
        }
    }

    @Test
    void aCommandThatOutlivesItsTimeout_fails() {
        try (SshCommandRunner r = runner(server.properties())) {
            DrmCommunicationException e = assertThrows(DrmCommunicationException.class,
                    () -> r.run(Command.of("sleep", "5").withTimeout(Duration.ofMillis(300))));
            assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
        }
    }

    @Test
    void anUnknownHostKey_isRefused_withAClearMessage() throws Exception {
        Map<String, String> p = server.properties();
        Path empty = Files.writeString(dir.resolve("known_hosts_empty"), "");
        p.put(SshOptions.KNOWN_HOSTS, empty.toString());
        try (SshCommandRunner r = runner(p)) {
            DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> r.run(Command.of("true")));
            assertTrue(e.getMessage().contains("is not in " + empty), e.getMessage());
            assertTrue(e.getMessage().contains(SshOptions.STRICT_HOST_KEY_CHECKING), e.getMessage());
        }
        assertEquals("", Files.readString(empty), "the known-hosts file is never written");
    }

    @Test
    void aChangedHostKey_isRefused() throws Exception {
        Map<String, String> p = server.properties();
        var other = org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        Path changed = Files.writeString(dir.resolve("known_hosts_changed"), "[127.0.0.1]:" + server.port() + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(other.getPublic()) + "\n");
        p.put(SshOptions.KNOWN_HOSTS, changed.toString());
        try (SshCommandRunner r = runner(p)) {
            DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> r.run(Command.of("true")));
            assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
        }
    }

    @Test
    void verificationCanBeTurnedOff_explicitly() throws Exception {
        Map<String, String> p = server.properties();
        p.put(SshOptions.KNOWN_HOSTS, Files.writeString(dir.resolve("known_hosts_none"), "").toString());
        p.put(SshOptions.STRICT_HOST_KEY_CHECKING, "false");
        try (SshCommandRunner r = runner(p)) {
            assertEquals("x\n", r.run(Command.of("echo", "x")).stdout());
        }
    }

    @Test
    void aKeyThatIsNotAuthorised_isNamedInTheFailure() throws Exception {
        Path other = dir.resolve("other_key");
        TestSshServer.keygen(other);
        Map<String, String> p = server.properties();
        p.put(SshOptions.IDENTITY, other.toString());
        try (SshCommandRunner r = runner(p)) {
            DrmCommunicationException e = assertThrows(DrmCommunicationException.class, () -> r.run(Command.of("true")));
            assertTrue(e.getMessage().contains("cannot connect to ssh://"), e.getMessage());
        }
    }

    @Test
    void theSshAgentsKeys_logIn() throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
            while (!Files.exists(sock) && System.nanoTime() < deadline) Thread.sleep(50);
            ProcessBuilder add = new ProcessBuilder("ssh-add", server.identity.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process a = add.start();
            String out = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, a.waitFor(), out);
            Map<String, String> p = server.properties();
            p.put(SshOptions.IDENTITY, dir.resolve("no-such-key").toString());
            p.put(SshOptions.AGENT_SOCKET, sock.toString());
            try (SshCommandRunner r = runner(p)) {
                assertEquals("agent\n", r.run(Command.of("echo", "agent")).stdout());
            }
        } finally {
            agent.destroy();
        }
    }

    @Test
    void manyCommandsAndStoreWritesAtOnce_stayWithinTheServersChannelLimit() throws Exception {
        try (TestSshServer small = new TestSshServer(java.nio.file.Files.createDirectories(dir.resolve("small")), 4)) {
            Map<String, String> p = small.properties();
            p.put(SshOptions.MAX_CHANNELS, "2"); // + 1 SFTP channel + 1 spare: the test server frees a closed channel asynchronously
            DriverSettings settings = new DriverSettings("test", p);
            try (SshCommandRunner r = SshCommandRunner.open(Contact.parse(small.contact()), settings);
                 RemoteStateDirectory store = RemoteStateDirectory.open(Contact.parse(small.contact()), settings,
                         dir.resolve("small/store").toString())) {
                List<CompletableFuture<String>> all = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String word = "c" + i;
                    Path file = store.path().resolve(word);
                    all.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            Files.writeString(file, word);
                            return r.run(Command.of("sh", "-c", "sleep 0.1; cat \"$1\"", "sh", dir.resolve("small/store/" + word).toString())).stdout();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
                }
                for (int i = 0; i < 16; i++) assertEquals("c" + i, all.get(i).get());
                assertEquals(1, r.connects());
            }
        }
    }

    /** Waits for a file to have n lines, with a safety cap far above the fraction of a second it takes. */
    private static void awaitLines(Path file, int n) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= n) return;
            Thread.sleep(25);
        }
        throw new AssertionError(file + " never got " + n + " lines");
    }
}
