// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.durability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.SessionManager;

/**
 * The end of a kill test: reopens the session once more (in this JVM), releases held jobs, waits
 * for every job to end, and compares the session with the plan and with the scheduler's ledger.
 */
final class KillTestVerifier {
    private final KillTest.Builder b;
    private final CampaignPlan plan;

    KillTestVerifier(KillTest.Builder b) throws ReflectiveOperationException {
        this.b = b;
        this.plan = KillTestCampaign.plan(b.plan.getName());
    }

    void verify(KillTestReport.Builder report) throws Exception {
        long begin = System.nanoTime();
        Map<String, List<String>> sessionIds = new TreeMap<>();
        try (SessionManager sm = Drmaa2.getSessionManager(b.driver, b.driverProperties)) {
            JobSession s = sm.openJobSession(b.session);
            List<Job> jobs = s.getJobs(null);
            for (Job j : jobs) {
                if (j.getState() == JobState.QUEUED_HELD) j.release();
            }
            long opened = System.nanoTime();
            long deadline = opened + b.endTimeout.toNanos();
            for (Job j : jobs) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                j.waitTerminated(Duration.ofMillis(left));
            }
            for (Job j : jobs) {
                String name = j.getJobTemplate().getJobName();
                sessionIds.computeIfAbsent(name, k -> new ArrayList<>()).add(j.getJobId());
                int index = KillTestCampaign.index(name);
                JobInfo info = j.getJobInfo();
                if (index < 0 || index >= b.jobs) {
                    report.problem("the session holds a job that is not the campaign's: " + name + " " + j.getJobId());
                    continue;
                }
                String wrong = wrongEnd(index, info.getJobState(), info.getExitStatus());
                if (wrong != null) report.wrongEnd(name + " (" + j.getJobId() + ", session): " + wrong);
            }
            long ended = System.nanoTime();
            report.sessionJobs(jobs.size());
            if (b.unresolved != null) report.unresolved(b.unresolved.applyAsInt(sm, b.session));
            List<SchedulerLedger.Entry> ledger = b.ledger.list();
            System.out.printf("kill test %s: check: reopen %d ms, every job ended %d ms later, the scheduler's list %d ms later%n", b.driver,
                    (opened - begin) / 1_000_000, (ended - opened) / 1_000_000, (System.nanoTime() - ended) / 1_000_000);
            compare(report, sessionIds, ledger);
            if (b.destroy) sm.destroyJobSession(b.session);
        }
    }

    private void compare(KillTestReport.Builder report, Map<String, List<String>> sessionIds, List<SchedulerLedger.Entry> ledger) {
        Map<String, List<SchedulerLedger.Entry>> byName = new TreeMap<>();
        boolean withIds = !ledger.isEmpty();
        int foreign = 0;
        for (SchedulerLedger.Entry e : ledger) {
            int index = KillTestCampaign.index(e.name());
            if (index < 0 || index >= b.jobs) {
                foreign++;
                continue;
            }
            byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
            if (e.jobId() == null) withIds = false;
            if (e.state() != null || e.exitStatus() != null) {
                // a scheduler that tells only one of the two is checked on that one
                int expected = plan.expectedExit(index, b.planSettings);
                String wrong = wrongEnd(index, e.state() != null ? e.state() : expected == 0 ? JobState.DONE : JobState.FAILED,
                        e.exitStatus() != null ? e.exitStatus() : Integer.valueOf(expected));
                if (wrong != null) report.wrongEnd(e.name() + " (" + e.jobId() + ", scheduler): " + wrong);
            }
        }
        if (foreign > 0) report.problem(foreign + " job(s) of the scheduler's list carry no campaign name");
        report.schedulerJobs(ledger.size() - foreign);
        Set<String> schedulerIdSet = new HashSet<>();
        for (int i = 0; i < b.jobs; i++) {
            String name = KillTestCampaign.name(i);
            List<SchedulerLedger.Entry> entries = byName.getOrDefault(name, List.of());
            List<String> inSession = sessionIds.getOrDefault(name, List.of());
            if (entries.isEmpty()) report.lost(name + " (not at the scheduler" + (inSession.isEmpty() ? ")" : "; the session has " + inSession + ")"));
            else if (inSession.isEmpty()) report.lost(name + " (the scheduler ran it, the session does not know it)");
            if (entries.size() > 1) report.duplicated(name + " (scheduler: " + entries.size() + "x)");
            if (inSession.size() > 1) report.duplicated(name + " (session: " + inSession + ")");
            for (SchedulerLedger.Entry e : entries) if (e.jobId() != null) schedulerIdSet.add(e.jobId());
        }
        if (withIds) {
            Set<String> sessionIdSet = new HashSet<>();
            sessionIds.values().forEach(sessionIdSet::addAll);
            if (!sessionIdSet.equals(schedulerIdSet)) {
                Set<String> onlySession = new HashSet<>(sessionIdSet);
                onlySession.removeAll(schedulerIdSet);
                Set<String> onlyScheduler = new HashSet<>(schedulerIdSet);
                onlyScheduler.removeAll(sessionIdSet);
                report.problem("job ids differ: only in the session " + onlySession + ", only at the scheduler " + onlyScheduler);
            }
        }
    }

    /** @return what is wrong with the end, or null when it is the plan's */
    private String wrongEnd(int index, JobState state, Integer exit) {
        int expected = plan.expectedExit(index, b.planSettings);
        JobState want = expected == 0 ? JobState.DONE : JobState.FAILED;
        if (state == want && exit != null && exit == expected) return null;
        return state + " exit " + exit + ", expected " + want + " exit " + expected;
    }
}
