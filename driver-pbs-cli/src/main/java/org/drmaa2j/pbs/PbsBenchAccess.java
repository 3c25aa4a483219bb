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
        for (Map.Entry<String, Map<String, String>> e : QstatOutput.jobsJson(json).entrySet()) {
            out.add(PbsJobRows.toJobInfo(e.getKey(), e.getValue(), PbsDialect.PBSPRO, ZoneOffset.UTC));
        }
        return out;
    }

    /**
     * The same through the tree reader the driver used before: the whole document parsed, then each
     * job flattened; a reference measured beside {@link #qstatJson} in the same run.
     *
     * @param json output of {@code qstat -f -F json}
     * @return one JobInfo per job
     */
    public static List<JobInfo> qstatJsonViaTree(String json) {
        List<JobInfo> out = new ArrayList<>();
        for (Map<String, Object> document : LenientJson.parseObjects(json)) {
            if (document.get("Jobs") instanceof Map<?, ?> jobs) {
                for (Map.Entry<?, ?> e : jobs.entrySet()) {
                    if (e.getValue() instanceof Map<?, ?> attrs) {
                        @SuppressWarnings("unchecked")
                        Map<String, String> flat = LenientJson.flatten((Map<String, Object>) attrs);
                        out.add(PbsJobRows.toJobInfo(String.valueOf(e.getKey()), flat, PbsDialect.PBSPRO, ZoneOffset.UTC));
                    }
                }
            }
        }
        return out;
    }
}
