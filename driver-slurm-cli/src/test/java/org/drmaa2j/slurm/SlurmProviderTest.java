// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.drmaa2j.Drmaa2;
import org.junit.jupiter.api.Test;

class SlurmProviderTest {
    @Test
    void serviceLoader_findsTheSlurmProviderByName() {
        assertInstanceOf(SlurmProvider.class, Drmaa2.getProvider("slurm"));
        assertEquals("slurm", Drmaa2.getProvider("SLURM").getName());
    }
}
