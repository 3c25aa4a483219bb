// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds programs on the PATH. */
final class Executables {
    private Executables() {
    }

    /**
     * @param name a program name
     * @return its path on the PATH (then in /usr/bin and /bin), or null
     */
    static Path find(String name) {
        String path = System.getenv("PATH");
        String dirs = (path == null ? "" : path) + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin";
        for (String dir : dirs.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }
}
