// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drmaa2j.tck.JobFileReader;
import org.drmaa2j.tck.TckEnvironment;
import org.drmaa2j.tck.TckTimings;
import org.drmaa2j.tck.env.LocalFileReader;

/**
 * The TCK environment of the local driver: jobs are processes of this machine, with a fresh state
 * directory and scratch directory under the module's build directory for each test JVM.
 */
public final class LocalTckEnvironment implements TckEnvironment {
    private Path stateDir;
    private Path scratch;

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String driverName() {
        return "local";
    }

    @Override
    public void start() {
        try {
            Path build = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target");
            Path root = Files.createDirectories(build.resolve("tck-work"));
            stateDir = Files.createTempDirectory(root, "state-");
            scratch = Files.createTempDirectory(root, "scratch-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> driverProperties() {
        return Map.of("drmaa2j.stateDir", stateDir.toString(), "drmaa2j.local.killGraceMillis", "500");
    }

    @Override
    public List<String> queueNames() {
        return List.of("local");
    }

    @Override
    public List<String> machineNames() {
        try {
            return List.of(Files.readString(Path.of("/proc/sys/kernel/hostname")).trim());
        } catch (IOException e) {
            try {
                return List.of(InetAddress.getLocalHost().getHostName());
            } catch (IOException e2) {
                return List.of();
            }
        }
    }

    @Override
    public String scratchDirectory() {
        return scratch.toString();
    }

    @Override
    public JobFileReader fileReader() {
        return new LocalFileReader();
    }

    @Override
    public TckTimings timings() {
        return new TckTimings(Duration.ofSeconds(2), Duration.ofSeconds(30), 120);
    }
}
