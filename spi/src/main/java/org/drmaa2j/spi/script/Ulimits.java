// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.ResourceLimit;

/**
 * The {@code ulimit} arguments a batch script (bash) sets for a template's resource limits. Sizes
 * are KiB, as bash's ulimit counts them; CPU time is seconds. {@link ResourceLimit#WALLCLOCK_TIME}
 * is not a ulimit: drivers pass it to the scheduler.
 */
public final class Ulimits {
    private Ulimits() {
    }

    /**
     * @param limits the template's resource limits
     * @return one argument string per limit, such as {@code -n 64}, in the map's order
     */
    public static List<String> bashArguments(Map<ResourceLimit, Long> limits) {
        List<String> out = new ArrayList<>();
        limits.forEach((k, v) -> {
            switch (k) {
                case CPU_TIME -> out.add("-t " + v);
                case OPEN_FILES -> out.add("-n " + v);
                case VIRTUAL_MEMORY -> out.add("-v " + v);
                case DATA_SIZE -> out.add("-d " + v);
                case STACK_SIZE -> out.add("-s " + v);
                case CORE_FILE_SIZE -> out.add("-c " + v);
                case FILE_SIZE -> out.add("-f " + v);
                case WALLCLOCK_TIME -> { }
                default -> throw new IllegalStateException("unhandled limit " + k);
            }
        });
        return out;
    }
}
