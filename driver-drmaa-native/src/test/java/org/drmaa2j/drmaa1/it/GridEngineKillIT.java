// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.tck.durability.KillTest;
import org.drmaa2j.tck.durability.KillTestReport;
import org.drmaa2j.tck.durability.SchedulerLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test on Grid Engine 8.1.9 through its DRMAA 1.0 library, run inside the Grid Engine
 * container by {@link GridEngineInContainerIT}: the managing JVM killed at random points of 300
 * submissions (the TCK's harness). Submissions carry their tag in the Grid Engine job name; the
 * scheduler's own list is Grid Engine's accounting ({@code qacct}), every job's exit status
 * included.
 */
class GridEngineKillIT {
    private static final DateTimeFormatter BEGIN = DateTimeFormatter.ofPattern("yyyyMMddHHmm.ss");
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 45, unit = TimeUnit.MINUTES)
    void killedManager_losesNothing_andSubmitsNothingTwice() throws Exception {
        String session = "campaign";
        String since = BEGIN.format(Instant.now().minusSeconds(60).atZone(ZoneId.systemDefault()));
        KillTestReport r = KillTest.builder("drmaa-native", Map.of("drmaa2j.stateDir", tmp.resolve("state").toString(),
                        "drmaa2j.reconcile.graceMillis", "10000",
                        // the container's flush_time is 1 s: a tag not found is looked up again 5 s later
                        "drmaa2j.drmaa.gridengine.accountingWaitMillis", "5000"))
                .session(session).jobs(300).kills(6).workDirectory(tmp).endTimeout(java.time.Duration.ofMinutes(25))
                .ledger(() -> qacct(session, since))
                .unresolved((sm, s) -> ((GenericSessionManager) sm).store().pendingIntents(s).size())
                .run();
        r.assertClean();
    }

    /**
     * Submissions whose answer was lost (the intent recorded, the job accepted, the id never
     * recorded): one held, found in {@code qstat -u USER -r}, and one that ended, found in
     * {@code qacct} once Grid Engine wrote its record; both join the reopened session.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void submissionsWhoseAnswerWasLost_areFoundByTheTagInTheirGridEngineJobName() throws Exception {
        Map<String, String> props = Map.of("drmaa2j.stateDir", tmp.resolve("lost").toString(), "drmaa2j.reconcile.graceMillis", "60000");
        String held;
        String ended;
        try (SessionManager sm = Drmaa2.getSessionManager("drmaa-native", props)) {
            GenericSessionManager g = (GenericSessionManager) sm;
            sm.createJobSession("lost", null);
            held = unrecorded(g, JobTemplate.builder("/bin/true").jobName("held").submitAsHold(true).build());
            ended = unrecorded(g, JobTemplate.builder("/bin/sh").args("-c", "exit 5").jobName("ended").build());
            for (int i = 0; i < 240 && !accounted(ended); i++) Thread.sleep(500);
        }
        try (SessionManager sm = Drmaa2.getSessionManager("drmaa-native", props)) {
            JobSession s = sm.openJobSession("lost");
            Map<String, Job> byName = new java.util.HashMap<>();
            for (Job j : s.getJobs(null)) byName.put(j.getJobTemplate().getJobName(), j);
            assertEquals(Set.of("held", "ended"), byName.keySet());
            assertEquals(held, byName.get("held").getJobId());
            assertEquals(ended, byName.get("ended").getJobId());
            assertEquals(0, ((GenericSessionManager) sm).store().pendingIntents("lost").size());
            assertEquals(JobState.QUEUED_HELD, byName.get("held").getState());
            Job e = byName.get("ended").waitTerminated(Duration.ofMinutes(3));
            assertEquals(JobState.FAILED, e.getState());
            assertEquals(5, e.getJobInfo().getExitStatus());
            byName.get("held").terminate();
            sm.destroyJobSession("lost");
        }
    }

    /** Records the intent and submits, as runJob does, but never records the job id (the process "died"). */
    private static String unrecorded(GenericSessionManager g, JobTemplate t) {
        String tag = SubmissionTags.newTag("lost");
        g.store().recordIntent("lost", new SubmissionIntent(tag, Instant.now(), t, null));
        String id = g.backend(null).submit(new SubmitRequest("lost", g.store().sessionDirectory("lost"), t, tag)).jobId();
        g.store().leavePending(tag);
        return id;
    }

    private static boolean accounted(String jobId) throws Exception {
        Process p = new ProcessBuilder("qacct", "-j", jobId).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 && out.contains("exit_status");
    }

    /**
     * Grid Engine's accounting of the session's jobs (their names carry the session's tags), asked
     * until every job the session should have is there (Grid Engine writes records within its
     * flush time).
     */
    private static List<SchedulerLedger.Entry> qacct(String session, String since) throws Exception {
        String mark = ".drmaa2j-" + SubmissionTags.sessionPart(session) + ".";
        List<SchedulerLedger.Entry> entries = new ArrayList<>();
        for (int attempt = 0; attempt < 60; attempt++) {
            Process p = new ProcessBuilder("qacct", "-o", System.getProperty("user.name"), "-b", since, "-j").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            entries = parse(out, mark);
            if (entries.size() >= 300) break;
            Thread.sleep(1000);
        }
        return entries;
    }

    private static List<SchedulerLedger.Entry> parse(String text, String mark) {
        List<SchedulerLedger.Entry> out = new ArrayList<>();
        String name = null;
        String number = null;
        String exit = null;
        String failed = null;
        for (String line : (text + "\n====").split("\n")) {
            if (line.startsWith("====")) {
                if (name != null && number != null && exit != null && name.contains(mark)) {
                    int code = Integer.parseInt(exit.split("\\s+")[0]);
                    boolean ok = code == 0 && "0".equals(failed);
                    out.add(new SchedulerLedger.Entry(number, name.substring(0, name.indexOf(mark)), ok ? JobState.DONE : JobState.FAILED, code));
                }
                name = number = exit = failed = null;
                continue;
            }
            String s = line.strip();
            int sp = s.indexOf(' ');
            if (sp < 0) continue;
            String key = s.substring(0, sp);
            String value = s.substring(sp + 1).strip();
            switch (key) {
                case "jobname" -> name = value;
                case "jobnumber" -> number = value;
                case "exit_status" -> exit = value;
                case "failed" -> failed = value;
                default -> { }
            }
        }
        return out;
    }

}
