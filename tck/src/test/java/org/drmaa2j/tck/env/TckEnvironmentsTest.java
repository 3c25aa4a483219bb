// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.tck.TckSettings;
import org.drmaa2j.tck.TckTimings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TckEnvironmentsTest {
    private static final List<String> TOUCHED = List.of(TckSettings.ENVIRONMENT, TckSettings.DRIVER, TckSettings.QUEUES,
            TckSettings.PROPERTY_PREFIX + "drmaa2j.stateDir", TckSettings.SCHEDULING_DELAY, TckSettings.JOB_TIMEOUT);

    @TempDir
    Path tmp;

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clear() {
        for (String k : TOUCHED) {
            String v = System.clearProperty(k);
            if (v != null) saved.put(k, v);
        }
    }

    @AfterEach
    void restore() {
        TOUCHED.forEach(System::clearProperty);
        saved.forEach(System::setProperty);
    }

    @Test
    void select_withoutRegistrationExplainsWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, TckEnvironments::select);
        assertTrue(e.getMessage().contains("META-INF/services/org.drmaa2j.tck.TckEnvironment"), e.getMessage());
    }

    @Test
    void select_existingIsConfiguredBySystemProperties() {
        System.setProperty(TckSettings.ENVIRONMENT, "existing");
        System.setProperty(TckSettings.DRIVER, "slurm");
        System.setProperty(TckSettings.QUEUES, "debug, batch");
        System.setProperty(TckSettings.PROPERTY_PREFIX + "drmaa2j.stateDir", "/x");
        ExistingClusterEnvironment env = assertInstanceOf(ExistingClusterEnvironment.class, TckEnvironments.select());
        assertEquals("slurm", env.driverName());
        assertEquals(List.of("debug", "batch"), env.queueNames());
        assertEquals(Map.of("drmaa2j.stateDir", "/x"), env.driverProperties());
    }

    @Test
    void select_unknownNameFails() {
        System.setProperty(TckSettings.ENVIRONMENT, "no-such");
        assertThrows(IllegalStateException.class, TckEnvironments::select);
    }

    @Test
    void timings_overriddenBySecondsOrIsoDuration() {
        System.setProperty(TckSettings.SCHEDULING_DELAY, "45");
        System.setProperty(TckSettings.JOB_TIMEOUT, "PT10M");
        TckTimings t = TckSettings.timings(TckTimings.DEFAULT);
        assertEquals(Duration.ofSeconds(45), t.schedulingDelay());
        assertEquals(Duration.ofMinutes(10), t.jobTimeout());
    }

    @Test
    void commandFileReader_readsOutputAndReportsMissingFiles() throws Exception {
        Path f = Files.writeString(tmp.resolve("f"), "hello ä", StandardCharsets.UTF_8);
        CommandFileReader cat = new CommandFileReader(List.of("/bin/cat", "--"));
        assertEquals("hello ä", new String(cat.read(f.toString()), StandardCharsets.UTF_8));
        assertThrows(NoSuchFileException.class, () -> cat.read(tmp.resolve("missing").toString()));
    }

    @Test
    void shellReader_takesThePathAsUtf8BytesOnStdin_whateverTheJvmCanName() throws Exception {
        // made by sh from fixed octal escapes, so that this JVM's own file-name encoding plays no part
        Process p = new ProcessBuilder("/bin/sh", "-c", "cd \"$1\" && printf 'caf\\303\\251 $x\\n-' > \"$(printf 'caf\\303\\251 $x\\n-')\"", "sh",
                tmp.toString()).start();
        assertEquals(0, p.waitFor());
        String name = tmp + "/café $x\n-";
        assertEquals(name.substring(tmp.toString().length() + 1), new String(CommandFileReader.shell().read(name), StandardCharsets.UTF_8));
        assertThrows(NoSuchFileException.class, () -> CommandFileReader.shell().read(tmp + "/café"));
        assertEquals("café $x\n-", new String(new LocalFileReader().read(name), StandardCharsets.UTF_8));
    }
}
