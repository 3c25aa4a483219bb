// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.drmaa2j.spi.exec.LocalCommandRunner;
import org.drmaa2j.spi.store.CompletionMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit-file read script run by a real {@code sh}. */
class ExitFilesTest {
    @TempDir
    Path dir;

    private ExitFiles exitFiles(Path bin) {
        return new ExitFiles(new LocalCommandRunner(Map.of("PATH", bin + ":" + System.getenv("PATH"))), dir.toString());
    }

    /**
     * A session reaping its job removes the job's exit file while another session's poll reads the
     * directory (seen on OpenPBS 23.06 while the conformance kit ran: {@code cat: …: No such file or
     * directory}, and the whole read was lost). A fake {@code cat} removes one file just before
     * reading it, the race a real run cannot produce on demand.
     */
    @Test
    void aFileRemovedWhileTheScriptRuns_isSkipped_theOthersAreRead() throws Exception {
        Files.writeString(dir.resolve("1.pbshost"), "exit=0\nsignal=0\nend=1796583330\n");
        Files.writeString(dir.resolve("2.pbshost"), "exit=3\nsignal=0\nend=1796583331\n");
        Files.writeString(dir.resolve("3.pbshost"), "exit=\nsignal=9\nend=1796583332\n");
        Path bin = Files.createDirectory(dir.resolve("fake-bin"));
        Path cat = bin.resolve("cat");
        Files.writeString(cat, "#!/bin/sh\n# fake cat: the file named *2.pbshost vanishes just before it is read\n"
                + "for a do case $a in *2.pbshost) rm -f \"$a\" ;; esac; done\nexec /bin/cat \"$@\"\n");
        Files.setPosixFilePermissions(cat, PosixFilePermissions.fromString("rwxr-xr-x"));

        Map<String, CompletionMarker> middle = exitFiles(bin).read(List.of("1.pbshost", "2.pbshost", "3.pbshost"));
        assertEquals(Map.of("1.pbshost", 0, "3.pbshost", 9),
                Map.of("1.pbshost", middle.get("1.pbshost").exitStatus(), "3.pbshost", middle.get("3.pbshost").signal()));
        assertFalse(middle.containsKey("2.pbshost"), "no marker made of nothing for the vanished file");

        Files.writeString(dir.resolve("2.pbshost"), "exit=3\nsignal=0\nend=1796583331\n");
        Map<String, CompletionMarker> last = exitFiles(bin).read(List.of("1.pbshost", "2.pbshost"));
        assertEquals(List.of("1.pbshost"), List.copyOf(last.keySet()), "the vanished file last: the read still succeeds");
        assertNull(exitFiles(bin).read(List.of("9.pbshost")).get("9.pbshost"), "a file that never was: nothing");
    }
}
