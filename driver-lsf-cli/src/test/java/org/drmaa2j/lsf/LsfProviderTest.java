// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.drmaa2j.Drmaa2;
import org.junit.jupiter.api.Test;

class LsfProviderTest {
    @Test
    void serviceLoader_findsTheLsfProviderByName() {
        assertInstanceOf(LsfProvider.class, Drmaa2.getProvider("lsf"));
        assertEquals("lsf", Drmaa2.getProvider("LSF").getName());
    }
}
