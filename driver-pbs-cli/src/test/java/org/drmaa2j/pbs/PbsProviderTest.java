// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.drmaa2j.Drmaa2;
import org.junit.jupiter.api.Test;

class PbsProviderTest {
    @Test
    void serviceLoader_findsThePbsProviderByName() {
        assertInstanceOf(PbsProvider.class, Drmaa2.getProvider("pbs"));
        assertEquals("pbs", Drmaa2.getProvider("PBS").getName());
    }
}
