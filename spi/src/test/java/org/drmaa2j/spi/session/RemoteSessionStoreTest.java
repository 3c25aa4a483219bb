// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.exec.ssh.SshOptions;
import org.drmaa2j.spi.exec.ssh.TestSshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reattach from another machine: with an SSH contact the session store lives on the SSH host,
 * so two session managers with different local state directories (two machines) see the same
 * sessions and jobs.
 */
class RemoteSessionStoreTest {
    @TempDir
    static Path dir;
    static TestSshServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestSshServer(Files.createDirectories(dir.resolve("ssh")));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static GenericSessionManager machine(String name, boolean remoteStore) throws Exception {
        Map<String, String> p = new HashMap<>(server.properties());
        p.put("drmaa2j.contact", server.contact());
        p.put("drmaa2j.stateDir", Files.createDirectories(dir.resolve("local-" + name)).toString());
        p.put(SshOptions.REMOTE_STATE_DIR, dir.resolve("login-node-home/.drmaa2j/tiny").toString());
        p.put(SshOptions.REMOTE_STORE, String.valueOf(remoteStore));
        p.put("drmaa2j.poll.fastMillis", "50");
        return new GenericSessionManager("tiny", p, ctx -> new TinyBackend(ctx, TinyBackend.all()));
    }

    @Test
    void aSessionCreatedOnOneMachine_opensOnAnother_withTheSameJobs() throws Exception {
        Set<String> ids;
        try (GenericSessionManager laptop = machine("laptop", true)) {
            JobSession s = laptop.createJobSession("campaign", null);
            JobTemplate t = JobTemplate.builder("/bin/echo").args("a b", "it's").jobName("n").build();
            List<Job> jobs = List.of(s.runJob(t), s.runJob(t), s.runJob(t));
            ids = jobs.stream().map(Job::getJobId).collect(Collectors.toSet());
            s.close();
        }
        try (GenericSessionManager portal = machine("portal", true)) {
            assertTrue(portal.getJobSessionNames().contains("campaign"), portal.getJobSessionNames().toString());
            JobSession s = portal.openJobSession("campaign");
            assertEquals(ids, s.getJobs(null).stream().map(Job::getJobId).collect(Collectors.toSet()));
            Job j = s.getJobs(null).get(0);
            assertEquals(List.of("a b", "it's"), j.getJobTemplate().getArgs());
            assertEquals(JobState.QUEUED, j.getState());
            portal.destroyJobSession("campaign");
        }
        assertTrue(Files.isDirectory(dir.resolve("login-node-home/.drmaa2j/tiny")));
        try (Stream<Path> local = Stream.concat(Files.list(dir.resolve("local-laptop")), Files.list(dir.resolve("local-portal")))) {
            assertEquals(List.of(), local.toList(), "nothing is stored on the machines themselves");
        }
        try (GenericSessionManager laptop = machine("laptop", true)) {
            assertFalse(laptop.getJobSessionNames().contains("campaign"), "destroyed from the other machine");
        }
    }

    @Test
    void withTheRemoteStoreOff_eachMachineKeepsItsOwnSessions() throws Exception {
        try (GenericSessionManager a = machine("a", false)) {
            a.createJobSession("private", null).runJob(JobTemplate.builder("/bin/true").build());
        }
        try (GenericSessionManager b = machine("b", false)) {
            assertFalse(b.getJobSessionNames().contains("private"));
        }
        try (GenericSessionManager a = machine("a", false)) {
            assertTrue(a.getJobSessionNames().contains("private"));
        }
    }

    @Test
    void manyThreads_storeAndCommandsAtOnce_withinAServerThatAllowsTenChannelsPerConnection() throws Exception {
        try (TestSshServer strict = new TestSshServer(Files.createDirectories(dir.resolve("strict")), 10)) {
            Map<String, String> p = new HashMap<>(strict.properties());
            p.put("drmaa2j.contact", strict.contact());
            p.put(SshOptions.REMOTE_STATE_DIR, dir.resolve("strict/store").toString());
            try (GenericSessionManager m = new GenericSessionManager("tiny", p, ctx -> new TinyBackend(ctx, TinyBackend.all()));
                 var runner = org.drmaa2j.spi.exec.CommandRunners.open(org.drmaa2j.spi.exec.Contact.parse(strict.contact()),
                         org.drmaa2j.spi.exec.RetryPolicy.NONE, org.drmaa2j.spi.exec.TransientFailures.common(), m.settings())) {
                var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
                List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    all.add(pool.submit(() -> {
                        JobSession s = m.createJobSession("t" + n, null);
                        s.runJob(JobTemplate.builder("/bin/true").build());
                        assertEquals("t" + n + "\n", runner.run(org.drmaa2j.spi.exec.Command.of("echo", "t" + n)).stdout());
                        s.close();
                        assertEquals(1, m.openJobSession("t" + n).getJobs(null).size());
                        m.destroyJobSession("t" + n);
                        return null;
                    }));
                }
                for (var f : all) f.get(120, java.util.concurrent.TimeUnit.SECONDS);
                pool.shutdown();
            }
        }
    }

    @Test
    void commandsAndTheStore_shareTheContactsConnections() throws Exception {
        try (GenericSessionManager m = machine("shared", true)) {
            m.createJobSession("one-connection", null);
            try (var r = org.drmaa2j.spi.exec.CommandRunners.open(org.drmaa2j.spi.exec.Contact.parse(server.contact()),
                    org.drmaa2j.spi.exec.RetryPolicy.NONE, org.drmaa2j.spi.exec.TransientFailures.common(), m.settings())) {
                assertEquals("x\n", r.run(org.drmaa2j.spi.exec.Command.of("echo", "x")).stdout());
            }
            m.destroyJobSession("one-connection");
        }
    }
}
