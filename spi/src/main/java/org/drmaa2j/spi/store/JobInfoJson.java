// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.drmaa2j.spi.store.Json.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;

/** Maps a {@link JobInfo} to JSON and back. */
public final class JobInfoJson {
    private JobInfoJson() {
    }

    /**
     * @param i the information
     * @return its JSON object; unknown values are left out
     */
    public static ObjectNode toJson(JobInfo i) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        put(n, "jobId", i.getJobId());
        put(n, "jobName", i.getJobName());
        put(n, "exitStatus", i.getExitStatus());
        put(n, "terminatingSignal", i.getTerminatingSignal());
        put(n, "annotation", i.getAnnotation());
        put(n, "jobState", i.getJobState());
        put(n, "jobSubState", i.getJobSubState());
        put(n, "allocatedMachines", i.getAllocatedMachines());
        put(n, "submissionMachine", i.getSubmissionMachine());
        put(n, "jobOwner", i.getJobOwner());
        put(n, "slots", i.getSlots());
        put(n, "queueName", i.getQueueName());
        put(n, "wallclockTime", i.getWallclockTime());
        put(n, "cpuTime", i.getCpuTime());
        put(n, "submissionTime", i.getSubmissionTime());
        put(n, "dispatchTime", i.getDispatchTime());
        put(n, "finishTime", i.getFinishTime());
        put(n, "extensions", i.getExtensions());
        return n;
    }

    /**
     * @param n a JSON object written by {@link #toJson}
     * @return the information
     */
    public static JobInfo fromJson(JsonNode n) {
        return JobInfo.builder()
                .jobId(Json.str(n, "jobId"))
                .jobName(Json.str(n, "jobName"))
                .exitStatus(Json.integer(n, "exitStatus"))
                .terminatingSignal(Json.str(n, "terminatingSignal"))
                .annotation(Json.str(n, "annotation"))
                .jobState(Json.enumValue(n, "jobState", JobState.class))
                .jobSubState(Json.str(n, "jobSubState"))
                .allocatedMachines(Json.list(n, "allocatedMachines"))
                .submissionMachine(Json.str(n, "submissionMachine"))
                .jobOwner(Json.str(n, "jobOwner"))
                .slots(Json.lng(n, "slots"))
                .queueName(Json.str(n, "queueName"))
                .wallclockTime(Json.duration(n, "wallclockTime"))
                .cpuTime(Json.duration(n, "cpuTime"))
                .submissionTime(Json.instant(n, "submissionTime"))
                .dispatchTime(Json.instant(n, "dispatchTime"))
                .finishTime(Json.instant(n, "finishTime"))
                .extensions(Json.map(n, "extensions"))
                .build();
    }
}
