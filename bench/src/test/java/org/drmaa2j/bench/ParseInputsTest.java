// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.flux.FluxBenchAccess;
import org.drmaa2j.lsf.LsfBenchAccess;
import org.drmaa2j.pbs.PbsBenchAccess;
import org.drmaa2j.slurm.SlurmBenchAccess;
import org.junit.jupiter.api.Test;

/** The benchmarks' inputs are what they claim: distinct jobs, in every state of the samples, that the drivers' parsers read in full. */
class ParseInputsTest {
    private static final int N = 300;

    private static void assertDistinctJobs(List<JobInfo> infos, boolean severalStates) {
        Set<String> ids = new HashSet<>();
        for (JobInfo i : infos) ids.add(i.getJobId());
        assertEquals(N, infos.size());
        assertEquals(N, ids.size(), "distinct job ids");
        assertTrue(infos.stream().allMatch(i -> i.getJobState() != null), "every job has a state");
        if (severalStates) {
            assertTrue(infos.stream().map(JobInfo::getJobState).distinct().count() > 1, "the sample's different states were kept");
        }
    }

    @Test
    void slurmOutputs_holdTenThousandJobs() {
        assertDistinctJobs(SlurmBenchAccess.squeue(ParseInputs.squeue(N), ParseInputs.SQUEUE_DELIMITER, ParseInputs.SQUEUE_COLUMNS), true);
        assertDistinctJobs(SlurmBenchAccess.sacct(ParseInputs.sacct(N), ParseInputs.SACCT_DELIMITER, ParseInputs.SACCT_COLUMNS), true);
    }

    @Test
    void jsonOutputs_holdTenThousandJobs() {
        assertDistinctJobs(PbsBenchAccess.qstatJson(ParseInputs.qstatJson(N)), false);
        assertDistinctJobs(LsfBenchAccess.bjobsJson(ParseInputs.bjobsJson(N)), true);
        Map<String, JobInfo> flux = FluxBenchAccess.jobsJson(ParseInputs.fluxJobsJson(N));
        assertDistinctJobs(List.copyOf(flux.values()), true);
    }

    @Test
    void templates_renderToDistinctScripts() {
        var submit = SlurmBenchAccess.submitCommands("/home/user");
        List<org.drmaa2j.JobTemplate> t = ParseBenchmarks.templates(3);
        assertEquals(3, t.stream().map(submit).map(Object::toString).distinct().count());
    }
}
