// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file kept open for appending (as the session journal is) over the shared SFTP channel, while
 * other files are opened, fail to open and are closed around it: its handle must stay its own.
 */
class SftpHandleReuseTest {
    @TempDir
    Path dir;

    @Test
    void keptOpenAppendStream_survivesAFailedOpenAndTheReuseOfAClosedHandle() throws Exception {
        try (TestSshServer server = new TestSshServer(dir, 10)) {
            assertKeptOpenStreamSurvives(server);
        }
    }

    @Test
    void sshdsOwnHandleNumbering_givesTwoOpenFilesOneHandle_whichIsWhyTheTestServerNumbersAsOpenSshDoes() throws Exception {
        try (TestSshServer server = new TestSshServer(dir, 10, new SftpSubsystemFactory())) {
            // the failed open loses handle 0; the next open is numbered 1, the journal's: its close ends the journal's too
            assertThrows(org.apache.sshd.sftp.common.SftpException.class, () -> assertKeptOpenStreamSurvives(server));
        }
    }

    private void assertKeptOpenStreamSurvives(TestSshServer server) throws IOException {
        DriverSettings settings = new DriverSettings("test", server.properties());
        try (RemoteStateDirectory store = RemoteStateDirectory.open(Contact.parse(server.contact()), settings,
                dir.resolve("store").toString())) {
            Path root = store.path();
            OutputStream first = Files.newOutputStream(root.resolve("first"));               // handle 0
            Path journal = root.resolve("journal.log");
            try (OutputStream kept = Files.newOutputStream(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {                                               // handle 1, kept open
                kept.write("a\n".getBytes(StandardCharsets.UTF_8));
                kept.flush();
                first.close();                                                                  // handle 0 is free again
                assertThrows(IOException.class, () -> Files.readAllBytes(root.resolve("missing"))); // an open that fails
                Files.write(root.resolve("claim"), "x".getBytes(StandardCharsets.UTF_8));      // opens and closes a file
                kept.write("b\n".getBytes(StandardCharsets.UTF_8));
                kept.flush();
            }
            assertEquals("a\nb\n", Files.readString(dir.resolve("store/journal.log")));
            assertEquals("x", Files.readString(dir.resolve("store/claim")));
        }
    }
}
