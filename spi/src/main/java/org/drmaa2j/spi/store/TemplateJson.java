// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.drmaa2j.spi.store.Json.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.ResourceLimit;

/** Maps a {@link JobTemplate} to JSON and back, every attribute included. */
public final class TemplateJson {
    private TemplateJson() {
    }

    /**
     * @param t a template
     * @return its JSON object; unset attributes are left out
     */
    public static ObjectNode toJson(JobTemplate t) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        put(n, "remoteCommand", t.getRemoteCommand());
        put(n, "args", t.getArgs());
        if (t.isSubmitAsHold()) n.put("submitAsHold", true);
        if (t.isRerunnableSet()) n.put("rerunnable", t.isRerunnable());
        put(n, "jobEnvironment", t.getJobEnvironment());
        put(n, "workingDirectory", t.getWorkingDirectory());
        put(n, "jobCategory", t.getJobCategory());
        put(n, "email", t.getEmail());
        if (t.isEmailOnStarted()) n.put("emailOnStarted", true);
        if (t.isEmailOnTerminated()) n.put("emailOnTerminated", true);
        put(n, "jobName", t.getJobName());
        put(n, "inputPath", t.getInputPath());
        put(n, "outputPath", t.getOutputPath());
        put(n, "errorPath", t.getErrorPath());
        if (t.isJoinFiles()) n.put("joinFiles", true);
        put(n, "reservationId", t.getReservationId());
        put(n, "queueName", t.getQueueName());
        put(n, "minSlots", t.getMinSlots());
        put(n, "maxSlots", t.getMaxSlots());
        put(n, "priority", t.getPriority());
        put(n, "candidateMachines", t.getCandidateMachines());
        put(n, "minPhysMemory", t.getMinPhysMemory());
        put(n, "machineOS", t.getMachineOS());
        put(n, "machineArch", t.getMachineArch());
        put(n, "startTime", t.getStartTime());
        put(n, "deadlineTime", t.getDeadlineTime());
        put(n, "stageInFiles", t.getStageInFiles());
        put(n, "stageOutFiles", t.getStageOutFiles());
        if (!t.getResourceLimits().isEmpty()) {
            ObjectNode l = n.putObject("resourceLimits");
            t.getResourceLimits().forEach((k, v) -> l.put(k.name(), v));
        }
        put(n, "accountingId", t.getAccountingId());
        put(n, "extensions", t.getExtensions());
        return n;
    }

    /**
     * @param n a JSON object written by {@link #toJson}
     * @return the template
     */
    public static JobTemplate fromJson(JsonNode n) {
        Map<ResourceLimit, Long> limits = new EnumMap<>(ResourceLimit.class);
        JsonNode l = n.get("resourceLimits");
        if (l != null) l.fields().forEachRemaining(e -> limits.put(ResourceLimit.valueOf(e.getKey()), e.getValue().asLong()));
        JobTemplate.Builder b = JobTemplate.builder(Json.str(n, "remoteCommand"));
        if (n.has("rerunnable")) b.rerunnable(Json.bool(n, "rerunnable"));
        return b.args(Json.list(n, "args"))
                .submitAsHold(Json.bool(n, "submitAsHold"))
                .jobEnvironment(Json.map(n, "jobEnvironment"))
                .workingDirectory(Json.str(n, "workingDirectory"))
                .jobCategory(Json.str(n, "jobCategory"))
                .email(Json.list(n, "email"))
                .emailOnStarted(Json.bool(n, "emailOnStarted"))
                .emailOnTerminated(Json.bool(n, "emailOnTerminated"))
                .jobName(Json.str(n, "jobName"))
                .inputPath(Json.str(n, "inputPath"))
                .outputPath(Json.str(n, "outputPath"))
                .errorPath(Json.str(n, "errorPath"))
                .joinFiles(Json.bool(n, "joinFiles"))
                .reservationId(Json.str(n, "reservationId"))
                .queueName(Json.str(n, "queueName"))
                .minSlots(Json.lng(n, "minSlots"))
                .maxSlots(Json.lng(n, "maxSlots"))
                .priority(Json.lng(n, "priority"))
                .candidateMachines(Json.list(n, "candidateMachines"))
                .minPhysMemory(Json.lng(n, "minPhysMemory"))
                .machineOS(Json.enumValue(n, "machineOS", OperatingSystem.class))
                .machineArch(Json.enumValue(n, "machineArch", CpuArchitecture.class))
                .startTime(Json.instant(n, "startTime"))
                .deadlineTime(Json.instant(n, "deadlineTime"))
                .stageInFiles(Json.map(n, "stageInFiles"))
                .stageOutFiles(Json.map(n, "stageOutFiles"))
                .resourceLimits(limits)
                .accountingId(Json.str(n, "accountingId"))
                .extensions(Json.map(n, "extensions"))
                .build();
    }
}
