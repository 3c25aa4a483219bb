// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class Drmaa2CdiConfigurationTest {
    @Test
    void from_readsDriverAndPrefixedProperties() {
        Properties p = new Properties();
        p.setProperty("drmaa2j.driver", " slurm ");
        p.setProperty("drmaa2j.config.drmaa2j.stateDir", "/state");
        p.setProperty("drmaa2j.config.", "ignored: no key");
        p.setProperty("other", "ignored");
        Drmaa2CdiConfiguration c = Drmaa2CdiConfiguration.from(p);
        assertEquals("slurm", c.driverName());
        assertEquals(Map.of("drmaa2j.stateDir", "/state"), c.properties());
    }

    @Test
    void from_withoutDriverLeavesTheChoiceToDrmaa2() {
        assertNull(Drmaa2CdiConfiguration.from(new Properties()).driverName());
    }
}
