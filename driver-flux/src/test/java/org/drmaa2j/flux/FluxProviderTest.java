// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.SessionManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxProviderTest {
    @Test
    void serviceLoader_findsTheFluxProviderByName() {
        assertInstanceOf(FluxProvider.class, Drmaa2.getProvider("flux"));
        assertEquals("flux", Drmaa2.getProvider("FLUX").getName());
    }

    @Test
    void supports_tellsTheTruth(@TempDir Path state) {
        SessionManager sm = new FluxProvider().createSessionManager(Map.of("drmaa2j.stateDir", state.toString()));
        assertTrue(sm.supports(Capability.JOB_HOLD));
        assertTrue(sm.supports(Capability.JT_SUBMIT_AS_HOLD));
        assertTrue(sm.supports(Capability.BULK_JOBS_MAXPARALLEL), "emulated");
        assertFalse(sm.supports(Capability.JOB_SUSPEND));
        assertFalse(sm.supports(Capability.JT_MIN_PHYS_MEMORY));
        assertFalse(sm.supports(Capability.ADVANCE_RESERVATION));
    }

    @Test
    void watcherProperties_areChecked(@TempDir Path state) {
        SessionManager sm = new FluxProvider().createSessionManager(Map.of("drmaa2j.stateDir", state.toString(),
                FluxProvider.WATCHERS_PROPERTY, "-1"));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> sm.supports(Capability.JOB_HOLD));
        assertEquals(FluxProvider.WATCHERS_PROPERTY, e.getField());
    }
}
