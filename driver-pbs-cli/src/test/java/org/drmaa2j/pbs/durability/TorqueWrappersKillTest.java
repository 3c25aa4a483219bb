// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.durability.KillTest;
import org.drmaa2j.tck.durability.KillTestReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test through Slurm's Torque wrappers (the PBS driver's {@code slurm} dialect) on the
 * real Slurm 22.05 container: the managing JVM killed with SIGKILL at random points of 300
 * submissions; submissions whose job id was never recorded are found again by their tag (the Slurm
 * job comment the job script carries); nothing lost, nothing submitted twice, and every job's final
 * state and exit status as Slurm's accounting records them.
 */
class TorqueWrappersKillTest {
    private static SlurmContainer cluster;
    @TempDir
    static Path stateDir;

    @BeforeAll
    static void start() {
        cluster = new SlurmContainer();
        cluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.stop();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void killedManager_losesNothing_andSubmitsNothingTwice() throws Exception {
        String session = "wrappers-campaign";
        String since = cluster.execOrFail("date", "+%Y-%m-%dT%H:%M:%S").strip();
        Map<String, String> props = Map.of(
                "drmaa2j.contact", "docker://" + ClusterContainer.USER + "@" + cluster.getContainerId(),
                "drmaa2j.stateDir", stateDir.toString(),
                "drmaa2j.pbs.dialect", "slurm",
                "drmaa2j.pbs.timeZone", "UTC",
                "drmaa2j.poll.fastMillis", "500",
                "drmaa2j.poll.slowMillis", "600000",
                "drmaa2j.reconcile.graceMillis", "15000");
        KillTestReport r = KillTest.builder("pbs", props)
                .session(session).jobs(Integer.getInteger("drmaa2j.killtest.jobs", 300))
                .kills(Integer.getInteger("drmaa2j.killtest.kills", 6))
                // safety caps: each qsub is a Perl wrapper and an sbatch, slow on a loaded machine
                .runTimeout(Duration.ofMinutes(20)).endTimeout(Duration.ofMinutes(20))
                .ledger(new SacctLedger(cluster::exec, SubmissionTags.label(SubmissionTags.sessionPart(session) + "."), since, 60))
                .unresolved((sm, s) -> ((GenericSessionManager) sm).store().pendingIntents(s).size())
                .run();
        cluster.exec("scancel", "--me");
        r.assertClean();
    }
}
