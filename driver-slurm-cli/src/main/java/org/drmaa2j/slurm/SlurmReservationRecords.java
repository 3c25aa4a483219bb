// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.ReservationInfo;
import org.drmaa2j.SlotInfo;
import org.drmaa2j.spi.parse.Hostlist;
import org.drmaa2j.spi.parse.SchedulerTimes;

/**
 * Reads {@code scontrol show reservation} output into {@link ReservationInfo}s. Slots are the
 * reservation's CPUs ({@code TRES=cpu=N}, else {@code CoreCnt}); per machine they follow the
 * {@code NodeName= CoreIDs=} lines when Slurm prints them, else they are shared evenly.
 */
final class SlurmReservationRecords {
    private SlurmReservationRecords() {
    }

    /**
     * @param text the output, possibly several reservations or "No reservations in the system"
     * @param zone the cluster's time zone, for local date-times (epoch seconds need none)
     * @return one information per reservation
     */
    static List<ReservationInfo> parse(String text, ZoneId zone) {
        List<ReservationInfo> out = new ArrayList<>();
        for (String record : ScontrolRecords.split(text, "ReservationName")) out.add(info(record, zone));
        return out;
    }

    private static ReservationInfo info(String record, ZoneId zone) {
        Map<String, String> f = ScontrolRecords.fields(record);
        String name = f.get("ReservationName");
        long slots = cpus(f);
        List<String> nodes = SchedulerTimes.isNone(f.get("Nodes")) ? List.of() : Hostlist.expand(f.get("Nodes"));
        return new ReservationInfo(name, name, SchedulerTimes.instant(f.get("StartTime"), zone),
                SchedulerTimes.instant(f.get("EndTime"), zone),
                list(f.get("Users")), slots, machines(record, nodes, slots, number(f.get("CoreCnt"))));
    }

    private static List<SlotInfo> machines(String record, List<String> nodes, long cpus, long cores) {
        List<String> names = ScontrolRecords.all(record, "NodeName");
        List<String> coreIds = ScontrolRecords.all(record, "CoreIDs");
        List<SlotInfo> out = new ArrayList<>();
        if (!names.isEmpty() && names.size() == coreIds.size() && cores > 0) {
            for (int i = 0; i < names.size(); i++) out.add(new SlotInfo(names.get(i), count(coreIds.get(i)) * cpus / cores));
            return out;
        }
        for (int i = 0; i < nodes.size(); i++) {
            out.add(new SlotInfo(nodes.get(i), cpus / nodes.size() + (i < cpus % nodes.size() ? 1 : 0)));
        }
        return out;
    }

    private static long cpus(Map<String, String> f) {
        String tres = f.getOrDefault("TRES", "");
        for (String part : tres.split(",")) {
            if (part.startsWith("cpu=")) return number(part.substring(4));
        }
        return number(f.get("CoreCnt"));
    }

    /** @return how many ids a list such as {@code 0-1,4} names */
    static long count(String ids) {
        long n = 0;
        for (String part : ids.split(",")) {
            int dash = part.indexOf('-');
            n += dash < 0 ? 1 : number(part.substring(dash + 1)) - number(part.substring(0, dash)) + 1;
        }
        return n;
    }

    private static List<String> list(String v) {
        if (SchedulerTimes.isNone(v)) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    private static long number(String v) {
        try {
            return v == null ? 0 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
