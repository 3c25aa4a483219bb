// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.cli.CliCommands;

/**
 * Queues from {@code qstat -Q -f -F json} (OpenPBS/PBS Pro) or {@code qstat -Q -f} text (Torque,
 * Slurm's wrappers); machines from {@code pbsnodes -a -F json} or {@code pbsnodes -a} text.
 */
final class PbsMonitoring {
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+)\\s*([kmgt]?)b?w?");

    private final CliCommands commands;
    private final PbsDialect dialect;

    PbsMonitoring(CliCommands commands, PbsDialect dialect) {
        this.commands = commands;
        this.dialect = dialect;
    }

    List<QueueInfo> queues() {
        Map<String, Map<String, String>> q = dialect == PbsDialect.PBSPRO
                ? QstatOutput.json(commands.output("qstat", "-Q", "-f", "-F", "json"), "Queue")
                : PbsTextRecords.parse(commands.output("qstat", "-Q", "-f"));
        return queues(q);
    }

    List<MachineInfo> machines() {
        Map<String, Map<String, String>> n = dialect == PbsDialect.PBSPRO
                ? QstatOutput.json(commands.output("pbsnodes", "-a", "-F", "json"), "nodes")
                : PbsTextRecords.parseNodes(commands.output("pbsnodes", "-a"));
        return machines(n);
    }

    /**
     * @param records queue attributes by queue name
     * @return the queues
     */
    static List<QueueInfo> queues(Map<String, Map<String, String>> records) {
        List<QueueInfo> out = new ArrayList<>();
        records.keySet().forEach(name -> out.add(new QueueInfo(name)));
        return out;
    }

    /**
     * @param records node attributes by node name, from either format
     * @return the machines
     */
    static List<MachineInfo> machines(Map<String, Map<String, String>> records) {
        List<MachineInfo> out = new ArrayList<>();
        records.forEach((name, attrs) -> out.add(machine(name, attrs)));
        return out;
    }

    static MachineInfo machine(String name, Map<String, String> a) {
        Map<String, String> status = torqueStatus(a.get("status"));
        String state = a.getOrDefault("state", "").toLowerCase(Locale.ROOT);
        boolean available = !(state.contains("down") || state.contains("offline") || state.contains("unknown")
                || state.contains("stale") || state.contains("unresolvable") || state.contains("drain") || state.isEmpty());
        long cpus = number(first(a.get("resources_available.ncpus"), a.get("pcpus"), a.get("np"), status.get("ncpus")));
        long mem = kib(first(a.get("resources_available.mem"), status.get("physmem")));
        double load = 0;
        try {
            if (status.get("loadave") != null) load = Double.parseDouble(status.get("loadave"));
        } catch (NumberFormatException e) {
            load = 0;
        }
        String os = first(status.get("opsys"), a.get("resources_available.arch"));
        return new MachineInfo(name, available, cpus > 0 ? 1 : 0, cpus, cpus > 0 ? 1 : 0, load, mem, kib(status.get("totmem")),
                os != null && os.toLowerCase(Locale.ROOT).contains("linux") ? OperatingSystem.LINUX : OperatingSystem.OTHER_OS,
                new Version("unknown", "unknown"), CpuArchitecture.fromName(status.get("arch")));
    }

    /** Torque's node {@code status}: {@code rectime=…,ncpus=2,physmem=4046236kb,loadave=0.00,…}. */
    private static Map<String, String> torqueStatus(String status) {
        Map<String, String> out = new HashMap<>();
        if (status == null) return out;
        for (String kv : status.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) out.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return out;
    }

    /**
     * @param size a PBS size such as {@code 24684084kb}, {@code 4gb} or a plain number of bytes
     * @return the size in KiB, 0 when absent
     */
    static long kib(String size) {
        if (size == null) return 0;
        Matcher m = SIZE.matcher(size.trim());
        if (!m.matches()) return 0;
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> v;
            case "m" -> v * 1024;
            case "g" -> v * 1024 * 1024;
            case "t" -> v * 1024 * 1024 * 1024;
            default -> v / 1024;
        };
    }

    private static long number(String s) {
        if (s == null) return 0;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
