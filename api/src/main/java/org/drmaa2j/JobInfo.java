// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about a job at one moment (DRMAA2 JobInfo), immutable. Values a driver does not
 * know are {@code null} (lists and maps empty).
 *
 * <p>The same type is the filter of {@link JobSession#getJobs(JobInfo)} and
 * {@link MonitoringSession#getAllJobs(JobInfo)}: see {@link #matches(JobInfo)}.
 */
public final class JobInfo {
    private final String jobId;
    private final String jobName;
    private final Integer exitStatus;
    private final String terminatingSignal;
    private final String annotation;
    private final JobState jobState;
    private final String jobSubState;
    private final List<String> allocatedMachines;
    private final String submissionMachine;
    private final String jobOwner;
    private final Long slots;
    private final String queueName;
    private final Duration wallclockTime;
    private final Duration cpuTime;
    private final Instant submissionTime;
    private final Instant dispatchTime;
    private final Instant finishTime;
    private final Map<String, String> extensions;

    private JobInfo(Builder b) {
        jobId = b.jobId;
        jobName = b.jobName;
        exitStatus = b.exitStatus;
        terminatingSignal = b.terminatingSignal;
        annotation = b.annotation;
        jobState = b.jobState;
        jobSubState = b.jobSubState;
        allocatedMachines = b.allocatedMachines == null ? List.of() : List.copyOf(b.allocatedMachines);
        submissionMachine = b.submissionMachine;
        jobOwner = b.jobOwner;
        slots = b.slots;
        queueName = b.queueName;
        wallclockTime = b.wallclockTime;
        cpuTime = b.cpuTime;
        submissionTime = b.submissionTime;
        dispatchTime = b.dispatchTime;
        finishTime = b.finishTime;
        extensions = b.extensions == null ? Map.of() : Map.copyOf(b.extensions);
    }

    /** @return an empty builder; an empty JobInfo used as a filter matches every job */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        return new Builder().jobId(jobId).jobName(jobName).exitStatus(exitStatus)
                .terminatingSignal(terminatingSignal).annotation(annotation).jobState(jobState)
                .jobSubState(jobSubState).allocatedMachines(allocatedMachines)
                .submissionMachine(submissionMachine).jobOwner(jobOwner).slots(slots)
                .queueName(queueName).wallclockTime(wallclockTime).cpuTime(cpuTime)
                .submissionTime(submissionTime).dispatchTime(dispatchTime).finishTime(finishTime)
                .extensions(extensions);
    }

    /** @return the job id */
    public String getJobId() { return jobId; }
    /** @return the job name as the scheduler reports it */
    public String getJobName() { return jobName; }
    /** @return the exit status of a job that exited (0 to 255), null while running or when it was killed by a signal before exiting */
    public Integer getExitStatus() { return exitStatus; }
    /** @return the signal that ended the job, such as {@code SIGKILL}, or null */
    public String getTerminatingSignal() { return terminatingSignal; }
    /** @return a human-readable remark, for example the scheduler's reason for a failure */
    public String getAnnotation() { return annotation; }
    /** @return the state */
    public JobState getJobState() { return jobState; }
    /** @return the scheduler's own state word, such as {@code TIMEOUT} or {@code PSUSP} */
    public String getJobSubState() { return jobSubState; }
    /** @return the machines the job runs or ran on */
    public List<String> getAllocatedMachines() { return allocatedMachines; }
    /** @return the machine the job was submitted from */
    public String getSubmissionMachine() { return submissionMachine; }
    /** @return the user who owns the job */
    public String getJobOwner() { return jobOwner; }
    /** @return the number of slots allocated */
    public Long getSlots() { return slots; }
    /** @return the queue (partition) the job is in */
    public String getQueueName() { return queueName; }
    /** @return wall-clock time used so far */
    public Duration getWallclockTime() { return wallclockTime; }
    /** @return CPU time used so far */
    public Duration getCpuTime() { return cpuTime; }
    /** @return when the job was submitted */
    public Instant getSubmissionTime() { return submissionTime; }
    /** @return when the job started */
    public Instant getDispatchTime() { return dispatchTime; }
    /** @return when the job ended */
    public Instant getFinishTime() { return finishTime; }
    /** @return driver-specific values */
    public Map<String, String> getExtensions() { return extensions; }

    /**
     * Treats this object as a filter. Every non-null field must match the candidate: text, numbers
     * and the state by equality; {@code allocatedMachines} when the candidate ran on all of them;
     * the three times when the candidate's time is at or after this one; the two durations when
     * the candidate's is at least as long. Extensions are ignored.
     *
     * @param candidate a job's information
     * @return true when the candidate passes this filter
     */
    public boolean matches(JobInfo candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return eq(jobId, candidate.jobId) && eq(jobName, candidate.jobName)
                && eq(exitStatus, candidate.exitStatus) && eq(terminatingSignal, candidate.terminatingSignal)
                && eq(annotation, candidate.annotation) && eq(jobState, candidate.jobState)
                && eq(jobSubState, candidate.jobSubState)
                && candidate.allocatedMachines.containsAll(allocatedMachines)
                && eq(submissionMachine, candidate.submissionMachine) && eq(jobOwner, candidate.jobOwner)
                && eq(slots, candidate.slots) && eq(queueName, candidate.queueName)
                && atLeast(wallclockTime, candidate.wallclockTime) && atLeast(cpuTime, candidate.cpuTime)
                && notBefore(submissionTime, candidate.submissionTime)
                && notBefore(dispatchTime, candidate.dispatchTime)
                && notBefore(finishTime, candidate.finishTime);
    }

    private static boolean eq(Object filter, Object value) {
        return filter == null || filter.equals(value);
    }

    private static boolean atLeast(Duration filter, Duration value) {
        return filter == null || (value != null && value.compareTo(filter) >= 0);
    }

    private static boolean notBefore(Instant filter, Instant value) {
        return filter == null || (value != null && !value.isBefore(filter));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof JobInfo)) return false;
        JobInfo i = (JobInfo) o;
        return Objects.equals(jobId, i.jobId) && Objects.equals(jobName, i.jobName)
                && Objects.equals(exitStatus, i.exitStatus) && Objects.equals(terminatingSignal, i.terminatingSignal)
                && Objects.equals(annotation, i.annotation) && jobState == i.jobState
                && Objects.equals(jobSubState, i.jobSubState) && allocatedMachines.equals(i.allocatedMachines)
                && Objects.equals(submissionMachine, i.submissionMachine) && Objects.equals(jobOwner, i.jobOwner)
                && Objects.equals(slots, i.slots) && Objects.equals(queueName, i.queueName)
                && Objects.equals(wallclockTime, i.wallclockTime) && Objects.equals(cpuTime, i.cpuTime)
                && Objects.equals(submissionTime, i.submissionTime) && Objects.equals(dispatchTime, i.dispatchTime)
                && Objects.equals(finishTime, i.finishTime) && extensions.equals(i.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, jobState, exitStatus, finishTime);
    }

    @Override
    public String toString() {
        return "JobInfo[jobId=" + jobId + ", state=" + jobState + (jobSubState == null ? "" : "/" + jobSubState)
                + ", exitStatus=" + exitStatus + ", signal=" + terminatingSignal + ", queue=" + queueName
                + ", machines=" + allocatedMachines + ", slots=" + slots + ", submitted=" + submissionTime
                + ", dispatched=" + dispatchTime + ", finished=" + finishTime + "]";
    }

    /** Collects JobInfo values; every field is optional. */
    public static final class Builder {
        private String jobId;
        private String jobName;
        private Integer exitStatus;
        private String terminatingSignal;
        private String annotation;
        private JobState jobState;
        private String jobSubState;
        private List<String> allocatedMachines;
        private String submissionMachine;
        private String jobOwner;
        private Long slots;
        private String queueName;
        private Duration wallclockTime;
        private Duration cpuTime;
        private Instant submissionTime;
        private Instant dispatchTime;
        private Instant finishTime;
        private Map<String, String> extensions;

        private Builder() {
        }

        /**
         * @param v job id
         * @return this builder
         */
        public Builder jobId(String v) { jobId = v; return this; }
        /**
         * @param v job name
         * @return this builder
         */
        public Builder jobName(String v) { jobName = v; return this; }
        /**
         * @param v exit status
         * @return this builder
         */
        public Builder exitStatus(Integer v) { exitStatus = v; return this; }
        /**
         * @param v terminating signal name
         * @return this builder
         */
        public Builder terminatingSignal(String v) { terminatingSignal = v; return this; }
        /**
         * @param v annotation
         * @return this builder
         */
        public Builder annotation(String v) { annotation = v; return this; }
        /**
         * @param v state
         * @return this builder
         */
        public Builder jobState(JobState v) { jobState = v; return this; }
        /**
         * @param v scheduler's state word
         * @return this builder
         */
        public Builder jobSubState(String v) { jobSubState = v; return this; }
        /**
         * @param v machines
         * @return this builder
         */
        public Builder allocatedMachines(List<String> v) { allocatedMachines = v; return this; }
        /**
         * @param v submission machine
         * @return this builder
         */
        public Builder submissionMachine(String v) { submissionMachine = v; return this; }
        /**
         * @param v owner
         * @return this builder
         */
        public Builder jobOwner(String v) { jobOwner = v; return this; }
        /**
         * @param v slots
         * @return this builder
         */
        public Builder slots(Long v) { slots = v; return this; }
        /**
         * @param v queue
         * @return this builder
         */
        public Builder queueName(String v) { queueName = v; return this; }
        /**
         * @param v wall-clock time
         * @return this builder
         */
        public Builder wallclockTime(Duration v) { wallclockTime = v; return this; }
        /**
         * @param v CPU time
         * @return this builder
         */
        public Builder cpuTime(Duration v) { cpuTime = v; return this; }
        /**
         * @param v submission time
         * @return this builder
         */
        public Builder submissionTime(Instant v) { submissionTime = v; return this; }
        /**
         * @param v dispatch time
         * @return this builder
         */
        public Builder dispatchTime(Instant v) { dispatchTime = v; return this; }
        /**
         * @param v finish time
         * @return this builder
         */
        public Builder finishTime(Instant v) { finishTime = v; return this; }
        /**
         * @param v extensions
         * @return this builder
         */
        public Builder extensions(Map<String, String> v) { extensions = v; return this; }

        /** @return the immutable JobInfo */
        public JobInfo build() {
            return new JobInfo(this);
        }
    }
}
