// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.drmaa2j.Drmaa2;
import org.junit.jupiter.api.Test;

class HTCondorProviderTest {
    @Test
    void serviceLoader_findsTheHTCondorProviderByName() {
        assertInstanceOf(HTCondorProvider.class, Drmaa2.getProvider("htcondor"));
        assertEquals("htcondor", Drmaa2.getProvider("HTCondor").getName());
    }
}
