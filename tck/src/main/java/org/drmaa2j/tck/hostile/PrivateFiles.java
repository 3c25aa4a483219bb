// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Checks that a directory tree is private to its owner: directories 0700, files 0600. */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /**
     * @param root the tree's root, which must exist
     * @return how many entries were checked
     * @throws IOException if the tree cannot be read
     */
    public static int assertPrivate(Path root) throws IOException {
        assertTrue(Files.isDirectory(root), root + " must be a directory");
        List<String> open = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) continue;
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                String want = dir ? "rwx------" : "rw-------";
                if (!perms.equals(want) && !(p.equals(root) && dir)) open.add(root.relativize(p) + " " + perms);
                checked++;
            }
        }
        assertEquals(List.of(), open, "entries under " + root + " that others may read");
        return checked;
    }
}
