// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.Version;

/** This machine: its names and what {@link org.drmaa2j.MonitoringSession#getAllMachines} says about it. */
final class LocalHost {
    private final String name;
    private final Set<String> aliases = new LinkedHashSet<>();

    LocalHost() {
        String n = null;
        try {
            n = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            n = null;
        }
        if (n == null || n.isEmpty()) {
            try {
                n = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                n = "localhost";
            }
        }
        name = n;
        aliases.add(n.toLowerCase(Locale.ROOT));
        int dot = n.indexOf('.');
        if (dot > 0) aliases.add(n.substring(0, dot).toLowerCase(Locale.ROOT));
        aliases.add("localhost");
    }

    String name() {
        return name;
    }

    /** @return true when the name denotes this machine (its host name, short name or localhost) */
    boolean isThisHost(String candidate) {
        String c = candidate.toLowerCase(Locale.ROOT);
        if (aliases.contains(c)) return true;
        int dot = c.indexOf('.');
        return dot > 0 && aliases.contains(c.substring(0, dot));
    }

    static OperatingSystem os() {
        return OperatingSystem.fromName(System.getProperty("os.name"));
    }

    static CpuArchitecture arch() {
        return CpuArchitecture.fromName(System.getProperty("os.arch"));
    }

    /** @return physical memory in KiB, 0 when unknown */
    static long physMemoryKiB() {
        return meminfo("MemTotal:");
    }

    MachineInfo info() {
        long[] topo = topology();
        long phys = physMemoryKiB();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new MachineInfo(name, true, topo[0], topo[1], topo[2], Math.max(load, 0), phys,
                phys + meminfo("SwapTotal:"), os(), Version.parse(System.getProperty("os.version")), arch());
    }

    /** @return sockets, cores per socket, threads per core from /proc/cpuinfo; or 1, processors, 1 */
    static long[] topology() {
        int cpus = Runtime.getRuntime().availableProcessors();
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            Set<String> sockets = new HashSet<>();
            long cores = 0;
            long siblings = 0;
            for (String l : lines) {
                int colon = l.indexOf(':');
                if (colon < 0) continue;
                String k = l.substring(0, colon).trim();
                String v = l.substring(colon + 1).trim();
                if (k.equals("physical id")) sockets.add(v);
                else if (k.equals("cpu cores")) cores = Long.parseLong(v);
                else if (k.equals("siblings")) siblings = Long.parseLong(v);
            }
            if (sockets.isEmpty() || cores == 0) return new long[] {1, cpus, 1};
            return new long[] {sockets.size(), cores, Math.max(1, siblings / cores)};
        } catch (IOException | RuntimeException e) {
            return new long[] {1, cpus, 1};
        }
    }

    private static long meminfo(String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith(key)) return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
