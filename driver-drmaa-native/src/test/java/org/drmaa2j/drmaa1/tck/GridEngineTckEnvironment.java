// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1.tck;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drmaa2j.tck.JobFileReader;
import org.drmaa2j.tck.TckEnvironment;
import org.drmaa2j.tck.TckTimings;
import org.drmaa2j.tck.env.LocalFileReader;

/**
 * The TCK against the Grid Engine cluster of the machine the JVM runs on, through its libdrmaa:
 * the JVM must run where the library and the qmaster are, with {@code SGE_ROOT}, {@code SGE_CELL}
 * and {@code GLIBC_TUNABLES=glibc.rtld.optional_static_tls=16384} set. In the project's test
 * setup that is inside the Grid Engine container, started by
 * {@link org.drmaa2j.drmaa1.it.GridEngineInContainerIT}.
 */
public final class GridEngineTckEnvironment implements TckEnvironment {
    /** The environment's name, for {@code -Ddrmaa2j.tck.environment}. */
    public static final String NAME = "gridengine-drmaa-native";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String driverName() {
        return "drmaa-native";
    }

    @Override
    public Map<String, String> driverProperties() {
        return Map.of("drmaa2j.poll.fastMillis", "500");
    }

    @Override
    public List<String> queueNames() {
        return List.of("all.q");
    }

    @Override
    public List<String> machineNames() {
        return List.of("localhost");
    }

    @Override
    public String scratchDirectory() {
        return System.getProperty("user.home");
    }

    @Override
    public JobFileReader fileReader() {
        return new LocalFileReader();
    }

    @Override
    public TckTimings timings() {
        return TckTimings.DEFAULT.withSchedulingDelay(Duration.ofSeconds(5)).withJobTimeout(Duration.ofSeconds(120));
    }
}
