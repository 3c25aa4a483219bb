// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.exec.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues from {@code bqueues}, machines from {@code bhosts}: {@code -o "…" -json} on LSF 10.1.0.2
 * and later, the {@code -w} text tables before; memory, swap and host type from {@code lshosts -w}.
 * LSF's host type names the architecture and, often, the operating system; sockets, cores and
 * threads per core are not reported and stay 0.
 */
final class LsfMonitoring {
    private static final Logger LOG = LoggerFactory.getLogger(LsfMonitoring.class);
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGTkmgt])?B?");
    private final CliCommands commands;
    private final Supplier<LsfDialect> dialect;

    LsfMonitoring(CliCommands commands, Supplier<LsfDialect> dialect) {
        this.commands = commands;
        this.dialect = dialect;
    }

    List<QueueInfo> queues() {
        List<QueueInfo> out = new ArrayList<>();
        if (dialect.get().json()) {
            for (Map<String, String> rec : LsfJson.records(commands.output("bqueues", "-o", "queue_name status", "-json"))) {
                String n = rec.get("QUEUE_NAME");
                if (n != null && !n.isBlank()) out.add(new QueueInfo(n.trim()));
            }
        } else {
            for (List<String> row : table(commands.output("bqueues", "-w"), "QUEUE_NAME")) out.add(new QueueInfo(row.get(0)));
        }
        return out;
    }

    List<MachineInfo> machines() {
        Map<String, List<String>> facts = hostFacts();
        List<MachineInfo> out = new ArrayList<>();
        if (dialect.get().json()) {
            for (Map<String, String> rec : LsfJson.records(commands.output("bhosts", "-o", "host_name status max", "-json"))) {
                String n = rec.get("HOST_NAME");
                if (n != null && !n.isBlank()) out.add(machine(n.trim(), rec.get("STATUS"), facts.get(n.trim())));
            }
        } else {
            for (List<String> row : table(commands.output("bhosts", "-w"), "HOST_NAME")) {
                out.add(machine(row.get(0), row.size() > 1 ? row.get(1) : null, facts.get(row.get(0))));
            }
        }
        return out;
    }

    /** @return {@code lshosts -w} rows by host name (type, model, cpuf, ncpus, maxmem, maxswp, …); empty when lshosts fails */
    private Map<String, List<String>> hostFacts() {
        CommandResult r = commands.run("lshosts", "-w");
        Map<String, List<String>> out = new HashMap<>();
        if (!r.succeeded()) {
            LOG.warn("lshosts failed, machines are listed without memory and type: {}", r.describeFailure());
            return out;
        }
        for (List<String> row : table(r.stdout(), "HOST_NAME")) out.put(row.get(0), row);
        return out;
    }

    /**
     * @param name the host
     * @param status bhosts STATUS: {@code ok}, {@code closed_Full}, {@code unavail}, …
     * @param lshosts the host's {@code lshosts -w} row ({@code HOST_NAME type model cpuf ncpus maxmem maxswp …}), or null
     * @return the machine; available only when LSF accepts jobs on it now ({@code ok})
     */
    static MachineInfo machine(String name, String status, List<String> lshosts) {
        boolean available = status != null && status.trim().toLowerCase(Locale.ROOT).equals("ok");
        String type = lshosts != null && lshosts.size() > 1 ? lshosts.get(1).toUpperCase(Locale.ROOT) : "";
        long mem = lshosts != null && lshosts.size() > 5 ? kib(lshosts.get(5)) : 0;
        long swap = lshosts != null && lshosts.size() > 6 ? kib(lshosts.get(6)) : 0;
        OperatingSystem os = type.contains("LINUX") || type.startsWith("LNX") ? OperatingSystem.LINUX : OperatingSystem.OTHER_OS;
        return new MachineInfo(name, available, 0, 0, 0, 0, mem, swap, os, new Version("unknown", "unknown"), architecture(type));
    }

    /** @param type an LSF host type such as {@code X86_64}, {@code LINUX64} or {@code LINUXPPC64LE} @return the architecture */
    static CpuArchitecture architecture(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.contains("PPC64LE")) return CpuArchitecture.PPC64LE;
        if (t.contains("PPC64")) return CpuArchitecture.PPC64;
        if (t.contains("ARM64") || t.contains("AARCH64")) return CpuArchitecture.ARM64;
        if (t.equals("X86_64") || t.equals("LINUX64") || t.equals("LNX64") || t.contains("AMD64")) return CpuArchitecture.X64;
        return CpuArchitecture.fromName(type);
    }

    /** @param text an lshosts size such as {@code 31.2G}, {@code 7999M} or {@code -} @return KiB, 0 when unknown */
    static long kib(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) return 0;
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "M" : m.group(2).toUpperCase(Locale.ROOT);
        double factor = switch (unit) {
            case "K" -> 1;
            case "G" -> 1024.0 * 1024;
            case "T" -> 1024.0 * 1024 * 1024;
            default -> 1024;
        };
        return Math.round(v * factor);
    }

    /**
     * @param text a bqueues/bhosts text table
     * @param firstHeader the first column's header
     * @return the rows after the header, split on blanks, each row once by its first column
     */
    static List<List<String>> table(String text, String firstHeader) {
        List<List<String>> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean header = false;
        for (String line : LsfMessages.stripNoise(text).split("\r?\n")) {
            if (line.isBlank()) continue;
            List<String> cells = List.of(line.trim().split("\\s+"));
            if (!header) {
                header = cells.get(0).equals(firstHeader);
                continue;
            }
            if (seen.add(cells.get(0))) rows.add(cells);
        }
        return rows;
    }
}
