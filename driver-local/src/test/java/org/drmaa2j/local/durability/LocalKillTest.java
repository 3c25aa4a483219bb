// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local.durability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.drmaa2j.tck.durability.ExitCodePlan;
import org.drmaa2j.tck.durability.KillTest;
import org.drmaa2j.tck.durability.KillTestReport;
import org.drmaa2j.tck.durability.SchedulerLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test on the local driver: the managing JVM killed at random points of 300 submissions
 * (the harness of the TCK). The scheduler's own list is the run ledger every job appends its name
 * to: how often each job really ran, whatever the store says.
 */
class LocalKillTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void killedManager_losesNothing_andRunsNothingTwice() throws Exception {
        Path ledger = tmp.resolve("ledger");
        KillTestReport r = KillTest.builder("local", Map.of("drmaa2j.stateDir", tmp.resolve("state").toString(),
                        "drmaa2j.reconcile.graceMillis", "5000"))
                .session("campaign").jobs(300).kills(6)
                .plan(ExitCodePlan.class, Map.of(ExitCodePlan.LEDGER, ledger.toString()))
                .ledger(() -> runs(ledger))
                .unresolved((sm, s) -> ((GenericSessionManager) sm).store().pendingIntents(s).size())
                .workDirectory(tmp)
                .run();
        r.assertClean();
    }

    private static List<SchedulerLedger.Entry> runs(Path ledger) throws Exception {
        List<SchedulerLedger.Entry> entries = new ArrayList<>();
        if (!Files.exists(ledger)) return entries;
        for (String name : Files.readAllLines(ledger)) {
            if (!name.isBlank()) entries.add(new SchedulerLedger.Entry(null, name.strip(), null, null));
        }
        return entries;
    }
}
