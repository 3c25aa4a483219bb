// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobInfo;

/**
 * The LSF driver's own {@code bjobs -json} parser, opened to the benchmarks.
 *
 * <p>A hook for the {@code bench} module, which runs on the class path: not part of the driver's API,
 * and its package is not exported by the driver's module.
 */
public final class LsfBenchAccess {
    private static final LsfTimes TIMES = new LsfTimes(ZoneOffset.UTC, Clock.systemUTC());

    private LsfBenchAccess() {
    }

    /**
     * @param json output of {@code bjobs -o … -json}
     * @return one JobInfo per record
     */
    public static List<JobInfo> bjobsJson(String json) {
        List<JobInfo> out = new ArrayList<>();
        for (Map<String, String> r : BjobsOutput.fromJson(json, "").records()) out.add(LsfJobRows.toJobInfo(r, TIMES));
        return out;
    }
}
