// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.util.Collection;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.drmaa2j.UnsupportedAttributeException;

/**
 * Template checks shared by every driver. The generic session runs
 * {@link #requireCapabilities(JobTemplate, Set, Set)} before the backend's own
 * {@link DriverBackend#checkTemplate}, so a backend only checks values, not whether an attribute
 * is supported at all.
 */
public final class TemplateChecks {
    private TemplateChecks() {
    }

    /**
     * Rejects every set attribute whose capability the backend does not declare, and a working
     * directory that breaks the placeholder rule ({@link #checkWorkingDirectory}).
     *
     * @param t the template
     * @param caps the backend's capabilities
     * @param categories the job categories the backend knows
     * @throws UnsupportedAttributeException naming the first attribute that cannot be honoured
     * @throws InvalidArgumentException if the job category is not one of {@code categories}, or
     *     naming {@code workingDirectory} when it holds {@value Placeholders#WORKING_DIRECTORY}
     */
    public static void requireCapabilities(JobTemplate t, Set<Capability> caps, Set<String> categories) {
        need(caps, Capability.JT_EMAIL, !t.getEmail().isEmpty() || t.isEmailOnStarted() || t.isEmailOnTerminated(), "email");
        need(caps, Capability.JT_STAGING, !t.getStageInFiles().isEmpty(), "stageInFiles");
        need(caps, Capability.JT_STAGING, !t.getStageOutFiles().isEmpty(), "stageOutFiles");
        need(caps, Capability.JT_DEADLINE, t.getDeadlineTime() != null, "deadlineTime");
        need(caps, Capability.JT_MAXSLOTS, t.getMaxSlots() != null, "maxSlots");
        need(caps, Capability.JT_ACCOUNTINGID, t.getAccountingId() != null, "accountingId");
        need(caps, Capability.JT_SUBMIT_AS_HOLD, t.isSubmitAsHold(), "submitAsHold");
        need(caps, Capability.JT_START_TIME, t.getStartTime() != null, "startTime");
        need(caps, Capability.JT_PRIORITY, t.getPriority() != null, "priority");
        need(caps, Capability.JT_CANDIDATE_MACHINES, !t.getCandidateMachines().isEmpty(), "candidateMachines");
        need(caps, Capability.JT_MIN_PHYS_MEMORY, t.getMinPhysMemory() != null, "minPhysMemory");
        need(caps, Capability.JT_MACHINE_OS, t.getMachineOS() != null, "machineOS");
        need(caps, Capability.JT_MACHINE_ARCH, t.getMachineArch() != null, "machineArch");
        need(caps, Capability.JT_RESERVATION, t.getReservationId() != null, "reservationId");
        need(caps, Capability.JT_RESOURCE_LIMITS, !t.getResourceLimits().isEmpty(), "resourceLimits");
        need(caps, Capability.JT_RERUNNABLE, t.isRerunnable(), "rerunnable");
        need(caps, Capability.JT_JOB_CATEGORY, t.getJobCategory() != null, "jobCategory");
        need(caps, Capability.JT_QUEUE, t.getQueueName() != null, "queueName");
        need(caps, Capability.JT_INPUT_PATH, t.getInputPath() != null, "inputPath");
        checkWorkingDirectory(t.getWorkingDirectory());
        if (t.getJobCategory() != null && !categories.contains(t.getJobCategory())) {
            throw new InvalidArgumentException("jobCategory", "'" + t.getJobCategory() + "' is not one of " + categories);
        }
    }

    /**
     * The placeholder rule every driver shares (the generic session applies it before the backend's
     * own checks): a working directory may hold {@value Placeholders#HOME_DIRECTORY} and
     * {@value Placeholders#PARAMETRIC_INDEX}, never {@value Placeholders#WORKING_DIRECTORY}.
     *
     * @param workingDirectory a template's working directory, may be null
     * @throws InvalidArgumentException naming {@code workingDirectory} when it refers to itself
     */
    public static void checkWorkingDirectory(String workingDirectory) {
        if (workingDirectory != null && workingDirectory.contains(Placeholders.WORKING_DIRECTORY)) {
            throw new InvalidArgumentException("workingDirectory", "cannot refer to itself with " + Placeholders.WORKING_DIRECTORY
                    + " (" + Placeholders.HOME_DIRECTORY + " and " + Placeholders.PARAMETRIC_INDEX + " may be used)");
        }
    }

    /**
     * Rejects extension keys the backend does not understand.
     *
     * @param t the template
     * @param known the keys the backend honours
     * @throws UnsupportedAttributeException naming {@code extensions[key]} for the first unknown key
     */
    public static void requireKnownExtensions(JobTemplate t, Collection<String> known) {
        for (String key : t.getExtensions().keySet()) {
            if (!known.contains(key)) {
                throw new UnsupportedAttributeException("extensions[" + key + "]", "this driver does not understand this key");
            }
        }
    }

    /**
     * @param attribute the attribute name
     * @param why the reason
     * @return an exception naming the attribute
     */
    public static UnsupportedAttributeException unsupported(String attribute, String why) {
        return new UnsupportedAttributeException(attribute, why);
    }

    private static void need(Set<Capability> caps, Capability cap, boolean set, String attribute) {
        if (set && !caps.contains(cap)) {
            throw new UnsupportedAttributeException(attribute, "not supported by this driver (capability " + cap + ")");
        }
    }
}
