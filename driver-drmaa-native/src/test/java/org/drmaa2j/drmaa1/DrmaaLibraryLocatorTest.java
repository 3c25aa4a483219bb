// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrmaaLibraryLocatorTest {
    @TempDir
    Path dir;

    private static DrmaaLibraryLocator locator(Map<String, String> props, Map<String, String> env) {
        return new DrmaaLibraryLocator(k -> Optional.ofNullable(props.get(k)), env::get);
    }

    @Test
    void property_winsOverEnvironment_andIsTheOnlyCandidate() {
        DrmaaLibraryLocator l = locator(Map.of(DrmaaLibraryLocator.LIBRARY_PROPERTY, "/p/libdrmaa.so"),
                Map.of(DrmaaLibraryLocator.LIBRARY_ENV, "/e/libdrmaa.so"));
        assertEquals(List.of("/p/libdrmaa.so"), l.candidates());
    }

    @Test
    void environment_isUsedWithoutProperty() {
        assertEquals(List.of("/e/libdrmaa.so"), locator(Map.of(), Map.of(DrmaaLibraryLocator.LIBRARY_ENV, "/e/libdrmaa.so")).candidates());
    }

    @Test
    void withoutSettings_sgeRootThenWellKnownPaths() {
        List<String> c = locator(Map.of(), Map.of("SGE_ROOT", "/opt/sge")).candidates();
        assertEquals("/opt/sge/lib/lx-amd64/libdrmaa.so.1.0", c.get(0));
        assertTrue(c.containsAll(DrmaaLibraryLocator.WELL_KNOWN));
    }

    @Test
    void locate_findsAnExistingFile() throws Exception {
        Path lib = Files.createFile(dir.resolve("libdrmaa.so"));
        assertEquals(lib.toString(), locator(Map.of(), Map.of(DrmaaLibraryLocator.LIBRARY_ENV, lib.toString())).locate());
    }

    @Test
    void locate_missing_namesBothSettingsAndEveryPathTried() {
        String missing = dir.resolve("nope.so").toString();
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> locator(Map.of(), Map.of(DrmaaLibraryLocator.LIBRARY_ENV, missing)).locate());
        assertTrue(e.getMessage().contains(DrmaaLibraryLocator.LIBRARY_PROPERTY), e.getMessage());
        assertTrue(e.getMessage().contains(DrmaaLibraryLocator.LIBRARY_ENV), e.getMessage());
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    void loadFailure_staticTls_tellsTheCure() {
        String m = DrmaaLibraryLocator.loadFailure("/x/libdrmaa.so", "libdrmaa.so: cannot allocate memory in static TLS block");
        assertTrue(m.contains("GLIBC_TUNABLES=glibc.rtld.optional_static_tls=16384"), m);
        assertTrue(m.contains("LD_PRELOAD=libjemalloc.so.2"), m);
        assertFalse(DrmaaLibraryLocator.loadFailure("/x", "file not found").contains("GLIBC_TUNABLES"));
    }

    @Test
    void load_aFileThatIsNoLibrary_isACommunicationErrorWithTheLoadersWords() throws Exception {
        Path fake = Files.writeString(dir.resolve("libdrmaa.so"), "not an ELF file");
        RuntimeException e = assertThrows(org.drmaa2j.DrmCommunicationException.class,
                () -> locator(Map.of(DrmaaLibraryLocator.LIBRARY_PROPERTY, fake.toString()), Map.of()).load());
        assertTrue(e.getMessage().contains(fake.toString()), e.getMessage());
    }
}
