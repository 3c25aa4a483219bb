// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to reserve: the DRMAA2 reservation template, immutable, built with {@link #builder()} in the same
 * shape as {@link JobTemplate}. Unset attributes are {@code null} (lists are empty). A null start time
 * means "now" ({@link Capability#RT_STARTNOW}); an end time or a duration must be given.
 *
 * <p>{@link Builder#build()} rejects values no driver could honour with an
 * {@link InvalidArgumentException} naming the field: no end time and no duration, a window that ends
 * before it starts, a duration that is not positive, slot counts below one, negative memory, a NUL
 * character in any text. Whether a driver honours a valid attribute is decided when the reservation is
 * requested: one it cannot honour raises {@link UnsupportedAttributeException}.
 *
 * <pre>{@code
 * ReservationTemplate t = ReservationTemplate.builder().reservationName("nightly")
 *         .duration(Duration.ofHours(2)).minSlots(4L).build();
 * }</pre>
 */
public final class ReservationTemplate {
    private final String reservationName;
    private final Instant startTime;
    private final Instant endTime;
    private final Duration duration;
    private final Long minSlots;
    private final Long maxSlots;
    private final String jobCategory;
    private final List<String> usersACL;
    private final List<String> candidateMachines;
    private final Long minPhysMemory;
    private final OperatingSystem machineOS;
    private final CpuArchitecture machineArch;

    private ReservationTemplate(Builder b) {
        reservationName = b.reservationName;
        startTime = b.startTime;
        endTime = b.endTime;
        duration = b.duration;
        minSlots = b.minSlots;
        maxSlots = b.maxSlots;
        jobCategory = b.jobCategory;
        usersACL = List.copyOf(b.usersACL);
        candidateMachines = List.copyOf(b.candidateMachines);
        minPhysMemory = b.minPhysMemory;
        machineOS = b.machineOS;
        machineArch = b.machineArch;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param name a name, or null
     * @param duration how long, starting now
     * @param slots how many slots
     * @return a template for a reservation starting now
     * @throws InvalidArgumentException naming the field that is wrong
     */
    public static ReservationTemplate startingNow(String name, Duration duration, long slots) {
        return builder().reservationName(name).duration(duration).minSlots(slots).build();
    }

    /** @return a builder holding this template's values, to derive a modified copy */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.reservationName = reservationName;
        b.startTime = startTime;
        b.endTime = endTime;
        b.duration = duration;
        b.minSlots = minSlots;
        b.maxSlots = maxSlots;
        b.jobCategory = jobCategory;
        b.usersACL.addAll(usersACL);
        b.candidateMachines.addAll(candidateMachines);
        b.minPhysMemory = minPhysMemory;
        b.machineOS = machineOS;
        b.machineArch = machineArch;
        return b;
    }

    /** @return the name the reservation is made under, or null for the driver's default */
    public String getReservationName() { return reservationName; }
    /** @return the start of the window, or null for now */
    public Instant getStartTime() { return startTime; }
    /** @return the end of the window, or null when a duration is given */
    public Instant getEndTime() { return endTime; }
    /** @return the length of the reservation, or null when an end time is given */
    public Duration getDuration() { return duration; }
    /** @return the minimum number of slots, or null for one */
    public Long getMinSlots() { return minSlots; }
    /** @return the maximum number of slots, or null for no maximum */
    public Long getMaxSlots() { return maxSlots; }
    /** @return the job category the reserved machines must suit, or null */
    public String getJobCategory() { return jobCategory; }
    /** @return the users allowed to use the reservation besides its owner; empty for the owner only */
    public List<String> getUsersACL() { return usersACL; }
    /** @return the machines to choose from; empty for any */
    public List<String> getCandidateMachines() { return candidateMachines; }
    /** @return the minimum physical memory per machine in KiB, or null */
    public Long getMinPhysMemory() { return minPhysMemory; }
    /** @return the required operating system, or null */
    public OperatingSystem getMachineOS() { return machineOS; }
    /** @return the required processor architecture, or null */
    public CpuArchitecture getMachineArch() { return machineArch; }

    @Override
    public String toString() {
        return "ReservationTemplate[reservationName=" + reservationName + ", startTime=" + startTime + ", endTime=" + endTime
                + ", duration=" + duration + ", minSlots=" + minSlots + ", maxSlots=" + maxSlots + ", jobCategory=" + jobCategory
                + ", usersACL=" + usersACL + ", candidateMachines=" + candidateMachines + ", minPhysMemory=" + minPhysMemory
                + ", machineOS=" + machineOS + ", machineArch=" + machineArch + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ReservationTemplate)) return false;
        ReservationTemplate t = (ReservationTemplate) o;
        return Objects.equals(reservationName, t.reservationName) && Objects.equals(startTime, t.startTime)
                && Objects.equals(endTime, t.endTime) && Objects.equals(duration, t.duration)
                && Objects.equals(minSlots, t.minSlots) && Objects.equals(maxSlots, t.maxSlots)
                && Objects.equals(jobCategory, t.jobCategory) && usersACL.equals(t.usersACL)
                && candidateMachines.equals(t.candidateMachines) && Objects.equals(minPhysMemory, t.minPhysMemory)
                && machineOS == t.machineOS && machineArch == t.machineArch;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reservationName, startTime, endTime, duration, minSlots, maxSlots, usersACL, candidateMachines);
    }

    /**
     * Collects template values. Setters return the builder; {@link #build()} validates them all and
     * fails with an {@link InvalidArgumentException} naming the first bad field.
     */
    public static final class Builder {
        private String reservationName;
        private Instant startTime;
        private Instant endTime;
        private Duration duration;
        private Long minSlots;
        private Long maxSlots;
        private String jobCategory;
        private final List<String> usersACL = new ArrayList<>();
        private final List<String> candidateMachines = new ArrayList<>();
        private Long minPhysMemory;
        private OperatingSystem machineOS;
        private CpuArchitecture machineArch;

        private Builder() {
        }

        /**
         * @param v the reservation name
         * @return this builder
         */
        public Builder reservationName(String v) { reservationName = v; return this; }
        /**
         * @param v the start of the window, null for now
         * @return this builder
         */
        public Builder startTime(Instant v) { startTime = v; return this; }
        /**
         * @param v the end of the window
         * @return this builder
         */
        public Builder endTime(Instant v) { endTime = v; return this; }
        /**
         * @param v the length of the reservation
         * @return this builder
         */
        public Builder duration(Duration v) { duration = v; return this; }
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
         * @param v the job category
         * @return this builder
         */
        public Builder jobCategory(String v) { jobCategory = v; return this; }
        /**
         * @param v users allowed besides the owner, replacing any set before
         * @return this builder
         */
        public Builder usersACL(List<String> v) { usersACL.clear(); if (v != null) usersACL.addAll(v); return this; }
        /**
         * @param v candidate machines, replacing any set before
         * @return this builder
         */
        public Builder candidateMachines(List<String> v) { candidateMachines.clear(); if (v != null) candidateMachines.addAll(v); return this; }
        /**
         * @param v minimum physical memory per machine in KiB
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
         * @return the validated, immutable template
         * @throws InvalidArgumentException naming the first field whose value is not acceptable
         */
        public ReservationTemplate build() {
            text("reservationName", reservationName);
            text("jobCategory", jobCategory);
            for (int i = 0; i < usersACL.size(); i++) {
                if (usersACL.get(i) == null) throw new InvalidArgumentException("usersACL[" + i + "]", "must not be null");
                text("usersACL[" + i + "]", usersACL.get(i));
            }
            for (int i = 0; i < candidateMachines.size(); i++) {
                if (candidateMachines.get(i) == null) throw new InvalidArgumentException("candidateMachines[" + i + "]", "must not be null");
                text("candidateMachines[" + i + "]", candidateMachines.get(i));
            }
            if (minSlots != null && minSlots < 1) throw new InvalidArgumentException("minSlots", "must be at least 1 (was " + minSlots + ")");
            if (maxSlots != null && maxSlots < 1) throw new InvalidArgumentException("maxSlots", "must be at least 1 (was " + maxSlots + ")");
            if (minSlots != null && maxSlots != null && maxSlots < minSlots) {
                throw new InvalidArgumentException("maxSlots", "must not be below minSlots (" + maxSlots + " < " + minSlots + ")");
            }
            if (endTime == null && duration == null) throw new InvalidArgumentException("endTime", "give an end time or a duration");
            if (duration != null && (duration.isNegative() || duration.isZero())) throw new InvalidArgumentException("duration", "must be positive (was " + duration + ")");
            if (startTime != null && endTime != null && !endTime.isAfter(startTime)) throw new InvalidArgumentException("endTime", "must be after startTime");
            if (minPhysMemory != null && minPhysMemory < 0) throw new InvalidArgumentException("minPhysMemory", "must not be negative (was " + minPhysMemory + ")");
            return new ReservationTemplate(this);
        }

        private static void text(String field, String value) {
            if (value == null) return;
            if (value.indexOf('\0') >= 0) throw new InvalidArgumentException(field, "must not contain a NUL character");
            if (!StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
                throw new InvalidArgumentException(field, "must be valid Unicode text (it holds an unpaired surrogate)");
            }
        }
    }
}
