// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.client.fs.SftpFileSystemProvider;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.exec.ssh.TestSshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store rooted on an SFTP file system (an SSH server on 127.0.0.1 serving a temporary directory). */
class SessionStoreOverSftpTest {
    @TempDir
    Path local;

    @Test
    void journal_createAppendCompactReadDestroy_overSftp() throws Exception {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(local.resolve("hostkey")));
        sshd.setPasswordAuthenticator((user, password, session) -> "secret".equals(password));
        sshd.setSubsystemFactories(List.of(new TestSshServer.OpenSshHandles())); // handles numbered as OpenSSH does
        Path served = Files.createDirectory(local.resolve("served"));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(served));
        sshd.start();
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (ClientSession ssh = client.connect("u", "127.0.0.1", sshd.getPort()).verify(10_000).getSession()) {
            ssh.addPasswordIdentity("secret");
            ssh.auth().verify(10_000);
            try (FileSystem fs = new SftpFileSystemProvider(client).newFileSystem(ssh)) {
                Path root = fs.getPath("/state");
                SessionStore store = new SessionStore(root);
                store.create("s", null);
                JobTemplate t = JobTemplate.builder("/bin/true").jobName("x").build();
                store.recordIntent("s", new SubmissionIntent("a.1", Instant.now(), t, null));
                store.recordIntent("s", new SubmissionIntent("a.2", Instant.now(), t, null));
                store.recordSubmitted("a.1", List.of(new JobRecord("7", "s", null, 1, t,
                        JobInfo.builder().jobId("7").jobState(JobState.QUEUED).build(), Map.of())));
                store.saveJob(new JobRecord("7", "s", null, 1, t, JobInfo.builder().jobId("7").jobState(JobState.DONE).build(), Map.of()));
                SessionStore other = new SessionStore(root);
                assertEquals(JobState.DONE, other.loadJobs("s").get(0).info().getJobState());
                assertEquals(1, other.pendingIntents("s").size());

                store.closeSession("s"); // compacts: one intent, one job
                Path journal = served.resolve("state/sessions/s/journal.log");
                assertEquals(2, Files.readAllLines(journal).size());
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)));
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(served.resolve("state/sessions/s"))));

                store.saveJob(new JobRecord("8", "s", null, 1, t, JobInfo.builder().jobId("8").jobState(JobState.QUEUED).build(), Map.of()));
                assertEquals(List.of("7", "8"), other.loadJobs("s").stream().map(JobRecord::jobId).toList());
                assertEquals(List.of("s"), other.names());
                store.destroy("s");
                assertTrue(other.names().isEmpty());
                assertFalse(Files.exists(served.resolve("state/sessions/s")));
            }
        } finally {
            client.stop();
            sshd.stop();
        }
    }
}
