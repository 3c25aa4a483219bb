// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * The pool as {@code condor_status} shows it. Machines are the execute hosts, from their slot ads
 * grouped by {@code Machine}; queues are the job queues of the pool, which in HTCondor are its
 * schedds ({@code condor_status -schedd}).
 */
final class CondorMonitoring {
    /** The slot attributes the driver asks for. */
    static final String SLOT_ATTRIBUTES = "Machine,Name,State,SlotType,TotalCpus,TotalMemory,TotalLoadAvg,OpSys,OpSysAndVer,Arch";

    private final CommandRunner runner;

    CondorMonitoring(CommandRunner runner) {
        this.runner = runner;
    }

    List<QueueInfo> queues() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : run("condor_status", "-schedd", "-af", "Name").split("\n")) {
            if (!line.isBlank()) names.add(line.strip());
        }
        List<QueueInfo> out = new ArrayList<>();
        names.forEach(n -> out.add(new QueueInfo(n)));
        return out;
    }

    List<MachineInfo> machines() {
        return machines(CondorJobAds.parse(run("condor_status", "-json", "-attributes", SLOT_ATTRIBUTES), "condor_status"));
    }

    /**
     * @param slots slot ads
     * @return one machine per {@code Machine}, available when any of its slots is not owned or drained
     */
    static List<MachineInfo> machines(List<JsonNode> slots) {
        Map<String, List<JsonNode>> byMachine = new LinkedHashMap<>();
        for (JsonNode s : slots) {
            String m = CondorJobAds.text(s, "Machine");
            if (m != null && !m.isBlank()) byMachine.computeIfAbsent(m, k -> new ArrayList<>()).add(s);
        }
        List<MachineInfo> out = new ArrayList<>();
        byMachine.forEach((name, ads) -> {
            JsonNode first = ads.get(0);
            boolean available = ads.stream().map(a -> CondorJobAds.text(a, "State")).anyMatch(CondorMonitoring::accepts);
            long cpus = positive(CondorJobAds.number(first, "TotalCpus"));
            long memoryMb = positive(CondorJobAds.number(first, "TotalMemory"));
            JsonNode load = first.get("TotalLoadAvg");
            String opSys = CondorJobAds.text(first, "OpSys");
            String osVersion = CondorJobAds.text(first, "OpSysAndVer");
            out.add(new MachineInfo(name, available, 1, cpus, 1, load != null && load.isNumber() ? Math.max(0, load.asDouble()) : 0,
                    memoryMb * 1024, 0, os(opSys), new Version(opSys == null ? "unknown" : opSys, osVersion == null ? "unknown" : osVersion),
                    arch(CondorJobAds.text(first, "Arch"))));
        });
        return out;
    }

    private static boolean accepts(String state) {
        if (state == null) return false;
        String s = state.toLowerCase(Locale.ROOT);
        return s.equals("unclaimed") || s.equals("claimed") || s.equals("matched");
    }

    static OperatingSystem os(String opSys) {
        if (opSys == null) return OperatingSystem.OTHER_OS;
        return switch (opSys.toUpperCase(Locale.ROOT)) {
            case "OSX" -> OperatingSystem.MACOS;
            case "FREEBSD" -> OperatingSystem.BSD;
            default -> OperatingSystem.fromName(opSys);
        };
    }

    static CpuArchitecture arch(String arch) {
        if (arch == null) return CpuArchitecture.OTHER_CPU;
        return arch.equalsIgnoreCase("INTEL") ? CpuArchitecture.X86 : CpuArchitecture.fromName(arch);
    }

    private static long positive(Long n) {
        return n == null || n < 0 ? 0 : n;
    }

    private String run(String... argv) {
        CommandResult r = runner.run(Command.of(argv));
        if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
        return r.stdout();
    }
}
