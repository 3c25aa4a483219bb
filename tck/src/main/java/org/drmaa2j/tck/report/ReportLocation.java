// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drmaa2j.tck.TckSettings;

/** Finds where the report goes: {@code target/tck-report} of the root project. */
public final class ReportLocation {
    private ReportLocation() {
    }

    /**
     * @return the directory given by {@value TckSettings#REPORT_DIR}; else {@code target/tck-report} under the
     *         directory given by {@value TckSettings#ROOT_DIR}; else under the topmost directory, walking up from
     *         the working directory, whose pom.xml lists modules; else under the working directory
     */
    public static Path reportDirectory() {
        String explicit = TckSettings.get(TckSettings.REPORT_DIR);
        if (explicit != null) return Path.of(explicit);
        String root = TckSettings.get(TckSettings.ROOT_DIR);
        if (root != null && Files.isDirectory(Path.of(root))) return Path.of(root, "target", "tck-report");
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path found = null;
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (isAggregator(p.resolve("pom.xml"))) found = p;
            else if (found != null || !Files.exists(p.resolve("pom.xml"))) break;
        }
        return (found != null ? found : cwd).resolve("target").resolve("tck-report");
    }

    private static boolean isAggregator(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
