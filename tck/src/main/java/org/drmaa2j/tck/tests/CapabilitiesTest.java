// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import org.drmaa2j.JobSession;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The truth of {@code supports()}, probed capability by capability ({@link CapabilityProbes}). Its
 * reservation probes reserve slots starting now, which needs idle slots (as {@link ReservationSessionTest}
 * does), so it runs while no other test class runs jobs on the cluster.
 */
@ExtendWith(TckExtension.class)
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class CapabilitiesTest {

    @Test
    @Assertion(id = "SM-13", section = SpecSections.SESSION_MANAGER, value = "supports() tells the truth for every capability: one reported true works, one reported false is refused with OperationUnsupportedException or UnsupportedAttributeException naming the attribute")
    void supports_everyCapability(Tck tck, JobSession s) {
        CapabilityProbes.checkAll(tck, s);
    }
}
