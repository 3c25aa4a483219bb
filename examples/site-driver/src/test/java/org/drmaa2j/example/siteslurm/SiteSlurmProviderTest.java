// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.example.siteslurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.SessionManager;
import org.junit.jupiter.api.Test;

class SiteSlurmProviderTest {
    @Test
    void provider_isFoundAndNeedsAProject() {
        assertInstanceOf(SiteSlurmProvider.class, Drmaa2.getProvider("siteslurm"));
        try (SessionManager sm = Drmaa2.getSessionManager("siteslurm", Map.of())) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> sm.createJobSession("x", "docker://nobody@none"));
            assertEquals(SiteSlurmProvider.PROJECT_PROPERTY, e.getField());
        }
    }
}
