// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a job needs to be submitted: the DRMAA2 job template, immutable, built with
 * {@link #builder(String)}. Unset attributes are {@code null}, {@code false} or empty.
 *
 * <p>{@link Builder#build()} rejects values no driver could honour with an
 * {@link InvalidArgumentException} naming the field: a missing remote command, slot counts below
 * one, an unknown {@code $DRMAA2_…$} placeholder, a NUL character in any text, an environment
 * variable name that is not a shell identifier. Whether a driver honours a valid attribute is
 * decided at submission: one it cannot honour raises {@link UnsupportedAttributeException}.
 */
public final class JobTemplate {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String remoteCommand;
    private final List<String> args;
    private final boolean submitAsHold;
    private final Boolean rerunnable;
    private final Map<String, String> jobEnvironment;
    private final String workingDirectory;
    private final String jobCategory;
    private final List<String> email;
    private final boolean emailOnStarted;
    private final boolean emailOnTerminated;
    private final String jobName;
    private final String inputPath;
    private final String outputPath;
    private final String errorPath;
    private final boolean joinFiles;
    private final String reservationId;
    private final String queueName;
    private final Long minSlots;
    private final Long maxSlots;
    private final Long priority;
    private final List<String> candidateMachines;
    private final Long minPhysMemory;
    private final OperatingSystem machineOS;
    private final CpuArchitecture machineArch;
    private final Instant startTime;
    private final Instant deadlineTime;
    private final Map<String, String> stageInFiles;
    private final Map<String, String> stageOutFiles;
    private final Map<ResourceLimit, Long> resourceLimits;
    private final String accountingId;
    private final Map<String, String> extensions;

    private JobTemplate(Builder b) {
        remoteCommand = b.remoteCommand;
        args = List.copyOf(b.args);
        submitAsHold = b.submitAsHold;
        rerunnable = b.rerunnable;
        jobEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(b.jobEnvironment));
        workingDirectory = b.workingDirectory;
        jobCategory = b.jobCategory;
        email = List.copyOf(b.email);
        emailOnStarted = b.emailOnStarted;
        emailOnTerminated = b.emailOnTerminated;
        jobName = b.jobName;
        inputPath = b.inputPath;
        outputPath = b.outputPath;
        errorPath = b.errorPath;
        joinFiles = b.joinFiles;
        reservationId = b.reservationId;
        queueName = b.queueName;
        minSlots = b.minSlots;
        maxSlots = b.maxSlots;
        priority = b.priority;
        candidateMachines = List.copyOf(b.candidateMachines);
        minPhysMemory = b.minPhysMemory;
        machineOS = b.machineOS;
        machineArch = b.machineArch;
        startTime = b.startTime;
        deadlineTime = b.deadlineTime;
        stageInFiles = Collections.unmodifiableMap(new LinkedHashMap<>(b.stageInFiles));
        stageOutFiles = Collections.unmodifiableMap(new LinkedHashMap<>(b.stageOutFiles));
        resourceLimits = Collections.unmodifiableMap(b.resourceLimits.isEmpty()
                ? new EnumMap<>(ResourceLimit.class) : new EnumMap<>(b.resourceLimits));
        accountingId = b.accountingId;
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    /**
     * @param remoteCommand the executable to run, an absolute path or a name found on the execution host's PATH
     * @return a builder for a template running that command
     */
    public static Builder builder(String remoteCommand) {
        return new Builder().remoteCommand(remoteCommand);
    }

    /** @return a builder holding this template's values, to derive a modified copy */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.remoteCommand = remoteCommand;
        b.args.addAll(args);
        b.submitAsHold = submitAsHold;
        b.rerunnable = rerunnable;
        b.jobEnvironment.putAll(jobEnvironment);
        b.workingDirectory = workingDirectory;
        b.jobCategory = jobCategory;
        b.email.addAll(email);
        b.emailOnStarted = emailOnStarted;
        b.emailOnTerminated = emailOnTerminated;
        b.jobName = jobName;
        b.inputPath = inputPath;
        b.outputPath = outputPath;
        b.errorPath = errorPath;
        b.joinFiles = joinFiles;
        b.reservationId = reservationId;
        b.queueName = queueName;
        b.minSlots = minSlots;
        b.maxSlots = maxSlots;
        b.priority = priority;
        b.candidateMachines.addAll(candidateMachines);
        b.minPhysMemory = minPhysMemory;
        b.machineOS = machineOS;
        b.machineArch = machineArch;
        b.startTime = startTime;
        b.deadlineTime = deadlineTime;
        b.stageInFiles.putAll(stageInFiles);
        b.stageOutFiles.putAll(stageOutFiles);
        b.resourceLimits.putAll(resourceLimits);
        b.accountingId = accountingId;
        b.extensions.putAll(extensions);
        return b;
    }

    /** @return the executable to run; never null */
    public String getRemoteCommand() { return remoteCommand; }
    /** @return the command's arguments, passed to it exactly, one argv entry each */
    public List<String> getArgs() { return args; }
    /** @return true when the job is submitted held and starts only after {@link Job#release()} */
    public boolean isSubmitAsHold() { return submitAsHold; }
    /** @return true when the scheduler may rerun the job after a failure of its machine */
    public boolean isRerunnable() { return Boolean.TRUE.equals(rerunnable); }
    /**
     * @return true when {@link Builder#rerunnable(boolean)} was called, with either value; false when
     *         the attribute is unset and the driver's default applies (a driver documents it; some
     *         schedulers can run a bulk job only as rerunnable and refuse an explicit {@code false})
     */
    public boolean isRerunnableSet() { return rerunnable != null; }
    /** @return environment variables set for the job, in addition to the scheduler's own */
    public Map<String, String> getJobEnvironment() { return jobEnvironment; }
    /**
     * @return the job's working directory, or null for the default: the job's home directory, the one it
     *         sees as {@code $HOME} ({@link Placeholders#HOME_DIRECTORY})
     */
    public String getWorkingDirectory() { return workingDirectory; }
    /** @return a category from {@link JobSession#getJobCategories()}, or null */
    public String getJobCategory() { return jobCategory; }
    /** @return addresses mailed on the events selected by {@link #isEmailOnStarted()} and {@link #isEmailOnTerminated()} */
    public List<String> getEmail() { return email; }
    /** @return true to send mail when the job starts */
    public boolean isEmailOnStarted() { return emailOnStarted; }
    /** @return true to send mail when the job ends */
    public boolean isEmailOnTerminated() { return emailOnTerminated; }
    /** @return the job name the scheduler shows, or null for the driver's default */
    public String getJobName() { return jobName; }
    /** @return the file the job reads its standard input from, or null for none */
    public String getInputPath() { return inputPath; }
    /** @return the file the job's standard output goes to, or null for the driver's default */
    public String getOutputPath() { return outputPath; }
    /** @return the file the job's standard error goes to, or null for the driver's default */
    public String getErrorPath() { return errorPath; }
    /** @return true to write standard error into the output file */
    public boolean isJoinFiles() { return joinFiles; }
    /** @return the reservation the job runs in, or null */
    public String getReservationId() { return reservationId; }
    /** @return the queue (Slurm partition) to submit to, or null for the default */
    public String getQueueName() { return queueName; }
    /** @return the minimum number of slots (total tasks), or null for one */
    public Long getMinSlots() { return minSlots; }
    /** @return the maximum number of slots, or null for no maximum */
    public Long getMaxSlots() { return maxSlots; }
    /** @return the scheduling priority, or null for the default */
    public Long getPriority() { return priority; }
    /** @return machines the job may run on; empty for any */
    public List<String> getCandidateMachines() { return candidateMachines; }
    /** @return the minimum physical memory in KiB, or null */
    public Long getMinPhysMemory() { return minPhysMemory; }
    /** @return the required operating system, or null */
    public OperatingSystem getMachineOS() { return machineOS; }
    /** @return the required processor architecture, or null */
    public CpuArchitecture getMachineArch() { return machineArch; }
    /** @return the earliest start, or null to start as soon as possible */
    public Instant getStartTime() { return startTime; }
    /** @return the time by which the job must have ended, or null */
    public Instant getDeadlineTime() { return deadlineTime; }
    /** @return files copied to the execution host before start: source on the submit host to target on the execution host */
    public Map<String, String> getStageInFiles() { return stageInFiles; }
    /** @return files copied back after the end: source on the execution host to target on the submit host */
    public Map<String, String> getStageOutFiles() { return stageOutFiles; }
    /** @return resource limits, seconds for times and KiB for sizes */
    public Map<ResourceLimit, Long> getResourceLimits() { return resourceLimits; }
    /** @return the account the job is charged to, or null */
    public String getAccountingId() { return accountingId; }
    /** @return driver-specific attributes; the well-known keys are in {@link Extensions} */
    public Map<String, String> getExtensions() { return extensions; }

    /** @return a description that names environment variables but never shows their values */
    @Override
    public String toString() {
        return "JobTemplate[remoteCommand=" + remoteCommand + ", args=" + args.size()
                + ", jobName=" + jobName + ", queueName=" + queueName
                + ", jobEnvironment=" + jobEnvironment.keySet() + ", submitAsHold=" + submitAsHold
                + ", minSlots=" + minSlots + ", extensions=" + extensions.keySet() + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof JobTemplate)) return false;
        JobTemplate t = (JobTemplate) o;
        return submitAsHold == t.submitAsHold && Objects.equals(rerunnable, t.rerunnable)
                && emailOnStarted == t.emailOnStarted && emailOnTerminated == t.emailOnTerminated
                && joinFiles == t.joinFiles && remoteCommand.equals(t.remoteCommand)
                && args.equals(t.args) && jobEnvironment.equals(t.jobEnvironment)
                && Objects.equals(workingDirectory, t.workingDirectory)
                && Objects.equals(jobCategory, t.jobCategory) && email.equals(t.email)
                && Objects.equals(jobName, t.jobName) && Objects.equals(inputPath, t.inputPath)
                && Objects.equals(outputPath, t.outputPath) && Objects.equals(errorPath, t.errorPath)
                && Objects.equals(reservationId, t.reservationId) && Objects.equals(queueName, t.queueName)
                && Objects.equals(minSlots, t.minSlots) && Objects.equals(maxSlots, t.maxSlots)
                && Objects.equals(priority, t.priority) && candidateMachines.equals(t.candidateMachines)
                && Objects.equals(minPhysMemory, t.minPhysMemory) && machineOS == t.machineOS
                && machineArch == t.machineArch && Objects.equals(startTime, t.startTime)
                && Objects.equals(deadlineTime, t.deadlineTime) && stageInFiles.equals(t.stageInFiles)
                && stageOutFiles.equals(t.stageOutFiles) && resourceLimits.equals(t.resourceLimits)
                && Objects.equals(accountingId, t.accountingId) && extensions.equals(t.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(remoteCommand, args, jobEnvironment, jobName, queueName, extensions);
    }

    /**
     * Collects template values. Setters return the builder; {@link #build()} validates them all and
     * fails with an {@link InvalidArgumentException} naming the first bad field.
     */
    public static final class Builder {
        private String remoteCommand;
        private final List<String> args = new ArrayList<>();
        private boolean submitAsHold;
        private Boolean rerunnable;
        private final Map<String, String> jobEnvironment = new LinkedHashMap<>();
        private String workingDirectory;
        private String jobCategory;
        private final List<String> email = new ArrayList<>();
        private boolean emailOnStarted;
        private boolean emailOnTerminated;
        private String jobName;
        private String inputPath;
        private String outputPath;
        private String errorPath;
        private boolean joinFiles;
        private String reservationId;
        private String queueName;
        private Long minSlots;
        private Long maxSlots;
        private Long priority;
        private final List<String> candidateMachines = new ArrayList<>();
        private Long minPhysMemory;
        private OperatingSystem machineOS;
        private CpuArchitecture machineArch;
        private Instant startTime;
        private Instant deadlineTime;
        private final Map<String, String> stageInFiles = new LinkedHashMap<>();
        private final Map<String, String> stageOutFiles = new LinkedHashMap<>();
        private final Map<ResourceLimit, Long> resourceLimits = new EnumMap<>(ResourceLimit.class);
        private String accountingId;
        private final Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param v the executable to run
         * @return this builder
         */
        public Builder remoteCommand(String v) { remoteCommand = v; return this; }
        /**
         * @param v the arguments, replacing any set before
         * @return this builder
         */
        public Builder args(List<String> v) { args.clear(); if (v != null) args.addAll(v); return this; }
        /**
         * @param v the arguments, replacing any set before
         * @return this builder
         */
        public Builder args(String... v) { return args(v == null ? null : List.of(v)); }
        /**
         * @param v true to submit held
         * @return this builder
         */
        public Builder submitAsHold(boolean v) { submitAsHold = v; return this; }
        /**
         * @param v true if the job may be rerun
         * @return this builder
         */
        public Builder rerunnable(boolean v) { rerunnable = v; return this; }
        /**
         * @param v the environment, replacing any set before
         * @return this builder
         */
        public Builder jobEnvironment(Map<String, String> v) { jobEnvironment.clear(); if (v != null) jobEnvironment.putAll(v); return this; }
        /**
         * @param name variable name
         * @param value its value
         * @return this builder
         */
        public Builder env(String name, String value) { jobEnvironment.put(name, value); return this; }
        /**
         * @param v the working directory
         * @return this builder
         */
        public Builder workingDirectory(String v) { workingDirectory = v; return this; }
        /**
         * @param v the job category
         * @return this builder
         */
        public Builder jobCategory(String v) { jobCategory = v; return this; }
        /**
         * @param v mail addresses, replacing any set before
         * @return this builder
         */
        public Builder email(List<String> v) { email.clear(); if (v != null) email.addAll(v); return this; }
        /**
         * @param v mail on start
         * @return this builder
         */
        public Builder emailOnStarted(boolean v) { emailOnStarted = v; return this; }
        /**
         * @param v mail on end
         * @return this builder
         */
        public Builder emailOnTerminated(boolean v) { emailOnTerminated = v; return this; }
        /**
         * @param v the job name
         * @return this builder
         */
        public Builder jobName(String v) { jobName = v; return this; }
        /**
         * @param v the standard input file
         * @return this builder
         */
        public Builder inputPath(String v) { inputPath = v; return this; }
        /**
         * @param v the standard output file
         * @return this builder
         */
        public Builder outputPath(String v) { outputPath = v; return this; }
        /**
         * @param v the standard error file
         * @return this builder
         */
        public Builder errorPath(String v) { errorPath = v; return this; }
        /**
         * @param v true to join standard error into standard output
         * @return this builder
         */
        public Builder joinFiles(boolean v) { joinFiles = v; return this; }
        /**
         * @param v the reservation id
         * @return this builder
         */
        public Builder reservationId(String v) { reservationId = v; return this; }
        /**
         * @param v the queue name
         * @return this builder
         */
        public Builder queueName(String v) { queueName = v; return this; }
        /**
         * @param v the minimum slots
         * @return this builder
         */
        public Builder minSlots(Long v) { minSlots = v; return this; }
        /**
         * @param v the maximum slots
         * @return this builder
         */
        public Builder maxSlots(Long v) { maxSlots = v; return this; }
        /**
         * @param v the priority
         * @return this builder
         */
        public Builder priority(Long v) { priority = v; return this; }
        /**
         * @param v candidate machines, replacing any set before
         * @return this builder
         */
        public Builder candidateMachines(List<String> v) { candidateMachines.clear(); if (v != null) candidateMachines.addAll(v); return this; }
        /**
         * @param v minimum physical memory in KiB
         * @return this builder
         */
        public Builder minPhysMemory(Long v) { minPhysMemory = v; return this; }
        /**
         * @param v required operating system
         * @return this builder
         */
        public Builder machineOS(OperatingSystem v) { machineOS = v; return this; }
        /**
         * @param v required architecture
         * @return this builder
         */
        public Builder machineArch(CpuArchitecture v) { machineArch = v; return this; }
        /**
         * @param v earliest start
         * @return this builder
         */
        public Builder startTime(Instant v) { startTime = v; return this; }
        /**
         * @param v deadline
         * @return this builder
         */
        public Builder deadlineTime(Instant v) { deadlineTime = v; return this; }
        /**
         * @param v stage-in files, replacing any set before
         * @return this builder
         */
        public Builder stageInFiles(Map<String, String> v) { stageInFiles.clear(); if (v != null) stageInFiles.putAll(v); return this; }
        /**
         * @param v stage-out files, replacing any set before
         * @return this builder
         */
        public Builder stageOutFiles(Map<String, String> v) { stageOutFiles.clear(); if (v != null) stageOutFiles.putAll(v); return this; }
        /**
         * @param v resource limits, replacing any set before
         * @return this builder
         */
        public Builder resourceLimits(Map<ResourceLimit, Long> v) { resourceLimits.clear(); if (v != null) resourceLimits.putAll(v); return this; }
        /**
         * @param limit which limit
         * @param value seconds or KiB
         * @return this builder
         */
        public Builder resourceLimit(ResourceLimit limit, long value) { resourceLimits.put(limit, value); return this; }
        /**
         * @param v the accounting id
         * @return this builder
         */
        public Builder accountingId(String v) { accountingId = v; return this; }
        /**
         * @param v extension attributes, replacing any set before
         * @return this builder
         */
        public Builder extensions(Map<String, String> v) { extensions.clear(); if (v != null) extensions.putAll(v); return this; }
        /**
         * @param key extension key
         * @param value its value
         * @return this builder
         */
        public Builder extension(String key, String value) { extensions.put(key, value); return this; }

        /**
         * @return the validated, immutable template
         * @throws InvalidArgumentException naming the first field whose value is not acceptable
         */
        public JobTemplate build() {
            if (remoteCommand == null || remoteCommand.isBlank()) {
                throw new InvalidArgumentException("remoteCommand", "must be set to the executable to run");
            }
            text("remoteCommand", remoteCommand, false);
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) == null) throw new InvalidArgumentException("args[" + i + "]", "must not be null");
                text("args[" + i + "]", args.get(i), true);
            }
            for (Map.Entry<String, String> e : jobEnvironment.entrySet()) {
                if (e.getKey() == null || !ENV_NAME.matcher(e.getKey()).matches()) {
                    throw new InvalidArgumentException("jobEnvironment", "'" + e.getKey() + "' is not a valid variable name (letters, digits and _, not starting with a digit)");
                }
                if (e.getValue() == null) throw new InvalidArgumentException("jobEnvironment[" + e.getKey() + "]", "must not be null");
                text("jobEnvironment[" + e.getKey() + "]", e.getValue(), false);
            }
            text("workingDirectory", workingDirectory, true);
            text("jobCategory", jobCategory, false);
            for (int i = 0; i < email.size(); i++) text("email[" + i + "]", Objects.requireNonNullElse(email.get(i), ""), false);
            text("jobName", jobName, false);
            text("inputPath", inputPath, true);
            text("outputPath", outputPath, true);
            text("errorPath", errorPath, true);
            text("reservationId", reservationId, false);
            text("queueName", queueName, false);
            text("accountingId", accountingId, false);
            for (int i = 0; i < candidateMachines.size(); i++) text("candidateMachines[" + i + "]", Objects.requireNonNullElse(candidateMachines.get(i), ""), false);
            if (minSlots != null && minSlots < 1) throw new InvalidArgumentException("minSlots", "must be at least 1 (was " + minSlots + ")");
            if (maxSlots != null && maxSlots < 1) throw new InvalidArgumentException("maxSlots", "must be at least 1 (was " + maxSlots + ")");
            if (minSlots != null && maxSlots != null && maxSlots < minSlots) {
                throw new InvalidArgumentException("maxSlots", "must not be below minSlots (" + maxSlots + " < " + minSlots + ")");
            }
            if (minPhysMemory != null && minPhysMemory < 0) throw new InvalidArgumentException("minPhysMemory", "must not be negative (was " + minPhysMemory + ")");
            for (Map.Entry<ResourceLimit, Long> e : resourceLimits.entrySet()) {
                if (e.getKey() == null || e.getValue() == null || e.getValue() < 0) {
                    throw new InvalidArgumentException("resourceLimits[" + e.getKey() + "]", "must be a non-negative number (was " + e.getValue() + ")");
                }
            }
            if (startTime != null && deadlineTime != null && deadlineTime.isBefore(startTime)) {
                throw new InvalidArgumentException("deadlineTime", "must not be before startTime");
            }
            files("stageInFiles", stageInFiles);
            files("stageOutFiles", stageOutFiles);
            for (Map.Entry<String, String> e : extensions.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank()) throw new InvalidArgumentException("extensions", "keys must not be empty");
                if (e.getValue() == null) throw new InvalidArgumentException("extensions[" + e.getKey() + "]", "must not be null");
                text("extensions[" + e.getKey() + "]", e.getValue(), false);
            }
            return new JobTemplate(this);
        }

        private static void files(String field, Map<String, String> files) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) throw new InvalidArgumentException(field, "source and target must not be null");
                text(field, e.getKey(), true);
                text(field, e.getValue(), true);
            }
        }

        private static void text(String field, String value, boolean placeholdersAllowed) {
            if (value == null) return;
            if (value.indexOf('\0') >= 0) throw new InvalidArgumentException(field, "must not contain a NUL character");
            if (!java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
                throw new InvalidArgumentException(field, "must be valid Unicode text (it holds an unpaired surrogate)");
            }
            String unknown = Placeholders.findUnknown(value);
            if (unknown != null) throw new InvalidArgumentException(field, "unknown placeholder " + unknown + "; known are " + Placeholders.ALL);
            if (!placeholdersAllowed && value.contains("$DRMAA2_")) {
                for (String p : Placeholders.ALL) {
                    if (value.contains(p)) throw new InvalidArgumentException(field, "placeholder " + p + " is not allowed here");
                }
            }
        }
    }
}
