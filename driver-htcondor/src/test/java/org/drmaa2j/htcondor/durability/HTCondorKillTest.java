// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor.durability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.JobState;
import org.drmaa2j.htcondor.SharedPool;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.HTCondorContainer;
import org.drmaa2j.tck.durability.KillTest;
import org.drmaa2j.tck.durability.KillTestReport;
import org.drmaa2j.tck.durability.SchedulerLedger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test against a real HTCondor 23.9.6 personal pool: the managing JVM killed with SIGKILL
 * at random points of a campaign of 300 submissions, through the TCK's harness; reopening the
 * session finds interrupted submissions by their {@code Drmaa2jTag} job attribute. The pool's own
 * list (condor_q and condor_history, asked directly in the container) must hold every job exactly
 * once, with the exit status the plan gave it. It runs in its own surefire execution after the TCK,
 * on its JVM's {@link SharedPool}, and looks only at the jobs tagged with its own session.
 */
class HTCondorKillTest {
    private static final int CAMPAIGN = 300;
    private static final int KILLS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HTCondorContainer pool;
    @TempDir
    static Path stateDir;

    @BeforeAll
    static void start() {
        pool = SharedPool.get();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void killedManager_losesNothing_andSubmitsNothingTwice() throws Exception {
        String session = "campaign";
        Map<String, String> props = Map.of("drmaa2j.contact", "docker://" + ClusterContainer.USER + "@" + pool.getContainerId(),
                "drmaa2j.stateDir", stateDir.toString(), "drmaa2j.poll.fastMillis", "500", "drmaa2j.poll.slowMillis", "600000",
                "drmaa2j.reconcile.graceMillis", "15000");
        KillTestReport r = KillTest.builder("htcondor", props)
                .session(session).jobs(CAMPAIGN).kills(KILLS)
                // safety caps only: condor_submit takes 0.3 s on an idle machine and was seen at 3.5 s on a loaded one
                .runTimeout(Duration.ofMinutes(25)).endTimeout(Duration.ofMinutes(20))
                .ledger(() -> ledger(session))
                .unresolved((sm, s) -> ((GenericSessionManager) sm).store().pendingIntents(s).size())
                .run();
        pool.exec("condor_rm", "-constraint", sessionConstraint(session));
        r.assertClean();
    }

    /** @return a ClassAd constraint matching the jobs whose tag names the session */
    private static String sessionConstraint(String session) {
        String label = SubmissionTags.label(SubmissionTags.sessionPart(session) + ".");
        return "substr(Drmaa2jTag, 0, " + label.length() + ") == \"" + label + "\"";
    }

    /**
     * The pool's own list: every job in the queue or the history whose tag attribute names the
     * session, asked again until each has ended.
     */
    private static List<SchedulerLedger.Entry> ledger(String session) throws Exception {
        String constraint = sessionConstraint(session);
        String attrs = "ClusterId,ProcId,JobBatchName,JobStatus,ExitCode,ExitBySignal,Drmaa2jTag";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            List<SchedulerLedger.Entry> entries = new ArrayList<>();
            boolean allEnded = true;
            for (String command : List.of("condor_q", "condor_history")) {
                ExecOutcome o = pool.exec(command, "-json", "-attributes", attrs, "-constraint", constraint);
                assertTrue(o.succeeded(), o.toString());
                if (o.stdout().isBlank()) continue;
                for (JsonNode ad : JSON.readTree(o.stdout())) {
                    int status = ad.path("JobStatus").asInt();
                    boolean ended = status == 3 || status == 4;
                    allEnded &= ended;
                    boolean normalExit = status == 4 && !ad.path("ExitBySignal").asBoolean() && ad.has("ExitCode");
                    Integer exit = normalExit ? ad.get("ExitCode").asInt() : null;
                    JobState state = !ended ? null : normalExit && exit == 0 ? JobState.DONE : JobState.FAILED;
                    entries.add(new SchedulerLedger.Entry(ad.path("ClusterId").asText() + "." + ad.path("ProcId").asText(),
                            ad.path("JobBatchName").asText(), state, exit));
                }
            }
            if (allEnded || System.nanoTime() > deadline) return entries;
            Thread.sleep(1000);
        }
    }
}
