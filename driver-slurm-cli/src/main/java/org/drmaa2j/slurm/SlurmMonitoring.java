// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.Version;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.parse.DelimitedTable;

/** Queues are partitions and machines are nodes, both from {@code sinfo}. */
final class SlurmMonitoring {
    static final List<String> NODE_COLUMNS = List.of("node", "sockets", "cores", "threads", "memory", "load", "state");
    static final String NODE_FORMAT = "%N|%X|%Y|%Z|%m|%O|%T";

    private final CommandRunner runner;

    SlurmMonitoring(CommandRunner runner) {
        this.runner = runner;
    }

    List<QueueInfo> queues() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : run("sinfo", "--noheader", "--format=%R").split("\n")) {
            if (!line.isBlank()) names.add(line.trim());
        }
        List<QueueInfo> out = new ArrayList<>();
        names.forEach(n -> out.add(new QueueInfo(n)));
        return out;
    }

    List<MachineInfo> machines() {
        String text = run("sinfo", "--noheader", "--Node", "--format=" + NODE_FORMAT);
        DelimitedTable t = DelimitedTable.withColumns(text, "|", NODE_COLUMNS);
        List<MachineInfo> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, String> row : t.rows()) {
            if (seen.add(row.get("node"))) out.add(machine(row));
        }
        return out;
    }

    static MachineInfo machine(Map<String, String> row) {
        String state = row.get("state").toLowerCase(Locale.ROOT);
        boolean available = !(state.startsWith("down") || state.startsWith("drain") || state.startsWith("fail")
                || state.contains("*") || state.startsWith("inval") || state.startsWith("unk"));
        return new MachineInfo(row.get("node"), available, num(row.get("sockets")), num(row.get("cores")),
                num(row.get("threads")), dbl(row.get("load")), num(row.get("memory")) * 1024, 0,
                OperatingSystem.LINUX, new Version("unknown", "unknown"), CpuArchitecture.OTHER_CPU);
    }

    private String run(String... argv) {
        CommandResult r = runner.run(Command.of(argv));
        if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
        return r.stdout();
    }

    private static long num(String s) {
        try {
            return Long.parseLong(s.trim().replaceAll("\\D.*$", ""));
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    private static double dbl(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
