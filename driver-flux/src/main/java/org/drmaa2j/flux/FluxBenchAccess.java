// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.Map;
import org.drmaa2j.JobInfo;

/**
 * The Flux driver's own {@code flux jobs --json} parser, opened to the benchmarks.
 *
 * <p>A hook for the {@code bench} module, which runs on the class path: not part of the driver's API,
 * and its package is not exported by the driver's module.
 */
public final class FluxBenchAccess {
    private FluxBenchAccess() {
    }

    /**
     * @param json output of {@code flux jobs -a --json}
     * @return each job's information by id
     */
    public static Map<String, JobInfo> jobsJson(String json) {
        return FluxStatusQuery.parse(json);
    }

    /**
     * @param id a numeric Flux job id
     * @return it in F58, as {@code flux jobs} prints it
     */
    public static String f58(long id) {
        return FluxIds.toF58(id);
    }
}
