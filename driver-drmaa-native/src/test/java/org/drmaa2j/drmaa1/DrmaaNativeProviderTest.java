// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.util.DriverSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrmaaNativeProviderTest {
    @TempDir
    Path dir;

    @Test
    void serviceLoader_findsTheProviderByName() {
        assertInstanceOf(DrmaaNativeProvider.class, Drmaa2.getProvider("drmaa-native"));
        assertEquals("drmaa-native", Drmaa2.getProvider("DRMAA-NATIVE").getName());
    }

    @Test
    void missingLibrary_namesPropertyEnvironmentAndPath() {
        String missing = dir.resolve("no-libdrmaa.so").toString();
        try (SessionManager sm = new DrmaaNativeProvider().createSessionManager(Map.of(
                DrmaaLibraryLocator.LIBRARY_PROPERTY, missing, DriverSettings.STATE_DIR, dir.toString()))) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> sm.supports(Capability.JOB_HOLD));
            assertTrue(e.getMessage().contains(DrmaaLibraryLocator.LIBRARY_PROPERTY), e.getMessage());
            assertTrue(e.getMessage().contains(DrmaaLibraryLocator.LIBRARY_ENV), e.getMessage());
            assertTrue(e.getMessage().contains(missing), e.getMessage());
        }
    }

    @Test
    void dialect_chosenFromTheDrmSystem() {
        DriverSettings none = new DriverSettings("drmaa-native", Map.of());
        assertInstanceOf(GridEngineDialect.class, DrmaaNativeProvider.dialect(none, "SGE 8.1.9"));
        assertInstanceOf(GridEngineDialect.class, DrmaaNativeProvider.dialect(none, "OGS/GE 2011.11p1"));
        assertInstanceOf(PlainDialect.class, DrmaaNativeProvider.dialect(none, "SLURM"));
        assertInstanceOf(PlainDialect.class, DrmaaNativeProvider.dialect(none, null));
    }

    @Test
    void dialect_property_namesABuiltInOrAClass() {
        assertInstanceOf(PlainDialect.class, DrmaaNativeProvider.dialect(settings("plain"), "SGE 8.1.9"));
        assertInstanceOf(GridEngineDialect.class, DrmaaNativeProvider.dialect(settings(GridEngineDialect.class.getName()), "x"));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> DrmaaNativeProvider.dialect(settings("java.lang.String"), "x"));
        assertTrue(e.getMessage().contains(DrmaaNativeProvider.DIALECT_PROPERTY), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> DrmaaNativeProvider.dialect(settings("no.such.Dialect"), "x"));
    }

    @Test
    void drmsVersion_isTheFirstDottedNumber() {
        assertEquals("8.1.9", DrmaaNativeBackend.versionOf("SGE 8.1.9").toString());
        assertEquals("0.0", DrmaaNativeBackend.versionOf("unknown").toString());
    }

    private static DriverSettings settings(String dialect) {
        return new DriverSettings("drmaa-native", Map.of(DrmaaNativeProvider.DIALECT_PROPERTY, dialect));
    }
}
