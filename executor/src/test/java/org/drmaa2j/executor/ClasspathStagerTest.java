// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathStagerTest {
    private String classPath;
    private String modulePath;

    @BeforeEach
    void remember() {
        classPath = System.getProperty("java.class.path");
        modulePath = System.getProperty("jdk.module.path");
    }

    @AfterEach
    void restore() {
        System.setProperty("java.class.path", classPath);
        if (modulePath == null) System.clearProperty("jdk.module.path");
        else System.setProperty("jdk.module.path", modulePath);
    }

    @Test
    void aProgramOnTheModulePathGivesItsJobsTheModulePathEntries(@TempDir Path dir) {
        String app = dir.resolve("app.jar").toString();
        String api = dir.resolve("api.jar").toString();
        String shared = dir.resolve("shared.jar").toString();
        System.setProperty("java.class.path", String.join(File.pathSeparator, shared, ""));
        System.setProperty("jdk.module.path", String.join(File.pathSeparator, app, api, shared));

        assertEquals(List.of(shared, app, api), ClasspathStager.current());
    }

    @Test
    void aProgramOnTheClassPathKeepsItsClassPath(@TempDir Path dir) {
        String app = dir.resolve("app.jar").toString();
        System.setProperty("java.class.path", app);
        System.clearProperty("jdk.module.path");

        assertEquals(List.of(app), ClasspathStager.current());
    }
}
