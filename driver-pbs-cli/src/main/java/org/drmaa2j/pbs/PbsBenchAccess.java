// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;

/**
 * The PBS driver's own {@code qstat -F json} parser, opened to the benchmarks.
 *
 * <p>A hook for the {@code bench} module, which runs on the class path: not part of the driver's API,
 * and its package is not exported by the driver's module.
 */
public final class PbsBenchAccess {
    private PbsBenchAccess() {
    }

    /**
     * @param json output of {@code qstat -f -F json}
     * @return one JobInfo per job
     */
    public static List<JobInfo> qstatJson(String json) {
        List<JobInfo> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : QstatOutput.json(json, "Jobs").entrySet()) {
            out.add(PbsJobRows.toJobInfo(e.getKey(), e.getValue(), PbsDialect.PBSPRO, ZoneOffset.UTC));
        }
        return out;
    }
}
