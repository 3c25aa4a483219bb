// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.drmaa2j.Job;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.junit.jupiter.api.Test;

class LocalSchedulingTest extends LocalTestSupport {

    @Test
    void priority_ordersQueuedJobs() {
        Map<String, String> p = properties();
        p.put("drmaa2j.local.maxRunning", "1");
        try (SessionManager one = new LocalProvider().createSessionManager(p)) {
            var s = one.createJobSession(null, null);
            Job blocker = s.runJob(JobTemplate.builder("/bin/sleep").args("0.5").priority(100L).build());
            Job low = s.runJob(JobTemplate.builder("/bin/echo").priority(1L).build());
            Job high = s.runJob(JobTemplate.builder("/bin/echo").priority(10L).build());
            low.waitTerminated(WAIT);
            high.waitTerminated(WAIT);
            blocker.waitTerminated(WAIT);
            assertTrue(!high.getJobInfo().getDispatchTime().isAfter(low.getJobInfo().getDispatchTime()),
                    high.getJobInfo() + " should start before " + low.getJobInfo());
            assertTrue(!low.getJobInfo().getDispatchTime().isBefore(blocker.getJobInfo().getFinishTime().minusMillis(50)),
                    "with drmaa2j.local.maxRunning=1 a job starts only after the running one ended");
        }
    }
}
