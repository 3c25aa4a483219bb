// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.ReservationTemplate;
import org.drmaa2j.UnsupportedAttributeException;

/**
 * A reservation template as the argv of {@code scontrol create reservation}. Times are relative to
 * now ({@code StartTime=now+Nseconds}), so the cluster's time zone does not matter. Slots are cores
 * ({@code CoreCnt=minSlots}); candidate machines become {@code Nodes=}, the caller and the users of
 * the ACL {@code Users=}. The Slurm reservation name, which is also its id, is the template's name
 * (or {@value #DEFAULT_NAME}) followed by {@code -} and a unique suffix, so that names need not be unique.
 */
final class SlurmReservationRequest {
    static final String DEFAULT_NAME = "drmaa2j";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._@-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    private SlurmReservationRequest() {
    }

    /**
     * @param template what to reserve
     * @param currentUser the user the reservation is made by
     * @param suffix the unique part of the reservation name
     * @param now the current time
     * @return the Slurm reservation name followed by the argv creating it
     * @throws UnsupportedAttributeException for machineOS, machineArch, jobCategory and minPhysMemory
     * @throws InvalidArgumentException naming the field for values Slurm cannot take
     */
    static List<String> argv(ReservationTemplate template, String currentUser, String suffix, Instant now) {
        refuseUnsupported(template);
        String base = template.getReservationName() == null ? DEFAULT_NAME : template.getReservationName();
        if (!NAME.matcher(base).matches()) {
            throw new InvalidArgumentException("reservationName", "must be 1 to 64 letters, digits, '.', '_' or '-' (was '" + base + "')");
        }
        String name = base + "-" + suffix;
        List<String> argv = new ArrayList<>(List.of("scontrol", "create", "reservation", "ReservationName=" + name));
        Instant start = template.getStartTime() == null || !template.getStartTime().isAfter(now) ? now : template.getStartTime();
        argv.add("StartTime=" + relative(now, start));
        if (template.getDuration() != null) {
            argv.add("Duration=" + duration(template.getDuration()));
        } else {
            if (!template.getEndTime().isAfter(now)) throw new InvalidArgumentException("endTime", "is not in the future: " + template.getEndTime());
            argv.add("EndTime=" + relative(now, template.getEndTime()));
        }
        argv.add("CoreCnt=" + (template.getMinSlots() == null ? 1 : template.getMinSlots()));
        argv.add("Users=" + String.join(",", users(currentUser, template.getUsersACL())));
        if (!template.getCandidateMachines().isEmpty()) {
            for (String m : template.getCandidateMachines()) {
                if (m == null || !HOST.matcher(m).matches()) throw new InvalidArgumentException("candidateMachines", "not a host name: '" + m + "'");
            }
            argv.add("Nodes=" + String.join(",", template.getCandidateMachines()));
        }
        return argv;
    }

    /**
     * @param argv what {@link #argv} returned
     * @return the reservation name in it
     */
    static String name(List<String> argv) {
        return argv.get(3).substring("ReservationName=".length());
    }

    private static void refuseUnsupported(ReservationTemplate t) {
        if (t.getMachineOS() != null) throw new UnsupportedAttributeException("machineOS", "Slurm reservations cannot select an operating system");
        if (t.getMachineArch() != null) throw new UnsupportedAttributeException("machineArch", "Slurm reservations cannot select a CPU architecture");
        if (t.getJobCategory() != null) throw new UnsupportedAttributeException("jobCategory", "the Slurm driver knows no job categories");
        if (t.getMinPhysMemory() != null && t.getMinPhysMemory() > 0) throw new UnsupportedAttributeException("minPhysMemory", "Slurm reservations cannot reserve memory");
    }

    private static Set<String> users(String currentUser, List<String> acl) {
        Set<String> out = new LinkedHashSet<>();
        out.add(currentUser);
        for (String u : acl) {
            if (u == null || !USER.matcher(u).matches()) throw new InvalidArgumentException("usersACL", "not a user name: '" + u + "'");
            out.add(u);
        }
        return out;
    }

    private static String relative(Instant now, Instant at) {
        long seconds = Duration.between(now, at).toSeconds();
        return seconds <= 0 ? "now" : "now+" + seconds + "seconds";
    }

    /** @return {@code days-hours:minutes:seconds}, rounded up to whole seconds */
    static String duration(Duration d) {
        long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return String.format("%d-%02d:%02d:%02d", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    }
}
