// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.SessionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProviderTest {
    @TempDir
    Path tmp;

    @Test
    void serviceLoader_findsLocalProvider() {
        var names = ServiceLoader.load(Drmaa2Provider.class).stream().map(p -> p.get().getName()).collect(Collectors.toList());
        assertTrue(names.contains("local"), names.toString());
        assertInstanceOf(LocalProvider.class, Drmaa2.getProvider("local"));
    }

    @Test
    void getSessionManager_local() {
        try (SessionManager sm = Drmaa2.getSessionManager("local", Map.of("drmaa2j.stateDir", tmp.toString()))) {
            assertEquals("local", sm.getDrmsName());
            assertEquals("drmaa2j-local", sm.getDrmaaName());
            assertTrue(sm.supports(Capability.JOB_SUSPEND));
            assertTrue(sm.supports(Capability.JOB_HOLD));
            assertTrue(sm.supports(Capability.BULK_JOBS_MAXPARALLEL));
            assertTrue(sm.supports(Capability.PERSISTENT_SESSIONS));
            assertFalse(sm.supports(Capability.ADVANCE_RESERVATION));
            assertFalse(sm.supports(Capability.JT_EMAIL));
        }
    }
}
