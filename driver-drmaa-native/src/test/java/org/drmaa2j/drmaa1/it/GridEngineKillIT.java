// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.JobState;
import org.drmaa2j.spi.session.GenericSessionManager;
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
                        "drmaa2j.reconcile.graceMillis", "10000"))
                .session(session).jobs(300).kills(6).workDirectory(tmp).endTimeout(java.time.Duration.ofMinutes(25))
                .ledger(() -> qacct(session, since))
                .unresolved((sm, s) -> ((GenericSessionManager) sm).store().pendingIntents(s).size())
                .run();
        r.assertClean();
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
