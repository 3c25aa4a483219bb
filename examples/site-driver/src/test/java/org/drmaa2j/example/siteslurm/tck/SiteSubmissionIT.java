// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.example.siteslurm.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.tck.support.JobScripts;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs with the TCK, on its cluster: jobs really went through the site's sbatch, which charged the project. */
@ExtendWith(TckExtension.class)
class SiteSubmissionIT {
    @Test
    void runJob_throughSiteSbatch(Tck tck, JobSession s) {
        String f = tck.scratchPath("site-project");
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_ENV, f, "SITE_PROJECT").build()), JobState.DONE);
        assertEquals(List.of(SiteSlurmTckEnvironment.PROJECT), tck.readNulTerminated(f), "site-sbatch records the project in the job");
        assertEquals("Slurm (site-sbatch)", tck.manager().getDrmsName());
    }
}
