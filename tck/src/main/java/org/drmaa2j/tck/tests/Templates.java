// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.drmaa2j.Capability;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.tck.support.Tck;

/** Shared steps of the template tests. */
final class Templates {
    private Templates() {
    }

    /**
     * Asserts that submitting a template with an attribute the driver declares unsupported throws
     * {@link UnsupportedAttributeException} naming that attribute, and that nothing was submitted.
     */
    static void rejected(Tck tck, JobSession s, Capability c, String attribute, JobTemplate t) {
        int before = s.getJobs(null).size();
        UnsupportedAttributeException e = tck.expectUnsupportedAttribute(c, () -> s.runJob(t));
        assertEquals(attribute, e.getAttribute(), () -> "the exception must name the template attribute: " + e.getMessage());
        assertEquals(before, s.getJobs(null).size(), "a rejected job must not be submitted");
    }

    /** @return the first queue of the environment, else of the monitoring session, else null */
    static String someQueue(Tck tck) {
        if (!tck.environment().queueNames().isEmpty()) return tck.environment().queueNames().get(0);
        if (!tck.supports(Capability.MONITORING)) return null;
        try (MonitoringSession m = tck.manager().openMonitoringSession(tck.environment().contact())) {
            List<QueueInfo> q = m.getAllQueues(null);
            return q.isEmpty() ? null : q.get(0).name();
        }
    }

    /** @return a machine of the environment, else of the monitoring session, else null */
    static MachineInfo someMachine(Tck tck) {
        List<String> names = tck.environment().machineNames();
        if (!tck.supports(Capability.MONITORING)) {
            return names.isEmpty() ? null : new MachineInfo(names.get(0), true, 0, 0, 0, 0, 0, 0, null, null, null);
        }
        try (MonitoringSession m = tck.manager().openMonitoringSession(tck.environment().contact())) {
            List<MachineInfo> all = m.getAllMachines(names.isEmpty() ? null : List.of(names.get(0)));
            return all.isEmpty() ? null : all.get(0);
        }
    }

    /** @return the operating system of the execution machines, as far as can be learnt */
    static OperatingSystem machineOS(Tck tck) {
        MachineInfo m = someMachine(tck);
        return m != null && m.machineOS() != null ? m.machineOS() : OperatingSystem.LINUX;
    }

    /** @return the processor architecture of the execution machines, as far as can be learnt */
    static CpuArchitecture machineArch(Tck tck) {
        MachineInfo m = someMachine(tck);
        return m != null && m.machineArch() != null ? m.machineArch() : CpuArchitecture.fromName(System.getProperty("os.arch"));
    }
}
