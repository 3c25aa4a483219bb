// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.durability;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one kill test.
 *
 * @param driver the driver's name
 * @param seed the seed of the kill points
 * @param jobs the campaign's number of jobs
 * @param runs how many times the campaign program ran
 * @param kills where each kill landed
 * @param confirmed submissions the campaign program saw return (before any kill)
 * @param foundByTag submissions of unknown outcome that a reopen found at the scheduler by their tag
 * @param droppedIntents submissions of unknown outcome that a reopen found never submitted
 * @param schedulerJobs jobs in the scheduler's list
 * @param sessionJobs jobs in the reopened session
 * @param lost campaign jobs missing at the scheduler or in the session
 * @param duplicated campaign jobs the scheduler or the session has more than once
 * @param wrongEnds jobs whose final state or exit status is not the plan's
 * @param unresolved submissions still unresolved after the final reopen, or -1 when not asked
 * @param problems anything else that is wrong
 * @param campaignMillis wall time of the campaign with its kills
 * @param totalMillis wall time with the verification
 */
public record KillTestReport(String driver, long seed, int jobs, int runs, List<String> kills, int confirmed, int foundByTag,
                             int droppedIntents, int schedulerJobs, int sessionJobs, List<String> lost, List<String> duplicated,
                             List<String> wrongEnds, int unresolved, List<String> problems, long campaignMillis, long totalMillis) {

    /** @return true when nothing was lost, duplicated, ended wrongly or left unresolved */
    public boolean clean() {
        return lost.isEmpty() && duplicated.isEmpty() && wrongEnds.isEmpty() && problems.isEmpty() && unresolved <= 0
                && schedulerJobs == jobs && sessionJobs == jobs;
    }

    /** @throws AssertionError naming every loss, duplicate, wrong end and the seed, unless {@link #clean()} */
    public void assertClean() {
        if (clean()) return;
        StringBuilder sb = new StringBuilder(summary());
        if (!lost.isEmpty()) sb.append("\nlost: ").append(lost);
        if (!duplicated.isEmpty()) sb.append("\nduplicated: ").append(duplicated);
        if (!wrongEnds.isEmpty()) sb.append("\nwrong ends: ").append(wrongEnds.subList(0, Math.min(30, wrongEnds.size())));
        if (!problems.isEmpty()) sb.append("\nproblems: ").append(problems);
        throw new AssertionError(sb.toString());
    }

    /** @return one line with every figure */
    public String summary() {
        return String.format("kill test %s (seed %d): %d jobs, %d runs, %d kills %s; submissions confirmed to the program %d, "
                        + "found again by tag %d, intents dropped as never submitted %d; scheduler holds %d, session holds %d; "
                        + "lost %d, duplicated %d, wrong ends %d, unresolved %s; campaign %d s, with the check %d s",
                driver, seed, jobs, runs, kills.size(), kills, confirmed, foundByTag, droppedIntents, schedulerJobs, sessionJobs,
                lost.size(), duplicated.size(), wrongEnds.size(), unresolved < 0 ? "not asked" : Integer.toString(unresolved),
                campaignMillis / 1000, totalMillis / 1000);
    }

    /** Collects the figures while the test runs. */
    static final class Builder {
        private final String driver;
        private final long seed;
        private final int jobs;
        private final int runs;
        private final List<String> kills;
        private final List<String> log;
        private final long campaignMillis;
        private final List<String> lost = new ArrayList<>();
        private final List<String> duplicated = new ArrayList<>();
        private final List<String> wrongEnds = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private int schedulerJobs;
        private int sessionJobs;
        private int unresolved = -1;
        private long totalMillis;

        Builder(String driver, long seed, int jobs, int runs, List<String> kills, List<String> log, long campaignMillis) {
            this.driver = driver;
            this.seed = seed;
            this.jobs = jobs;
            this.runs = runs;
            this.kills = List.copyOf(kills);
            this.log = List.copyOf(log);
            this.campaignMillis = campaignMillis;
        }

        void lost(String s) {
            lost.add(s);
        }

        void duplicated(String s) {
            duplicated.add(s);
        }

        void wrongEnd(String s) {
            wrongEnds.add(s);
        }

        void problem(String s) {
            problems.add(s);
        }

        void schedulerJobs(int n) {
            schedulerJobs = n;
        }

        void sessionJobs(int n) {
            sessionJobs = n;
        }

        void unresolved(int n) {
            unresolved = n;
        }

        void totalMillis(long ms) {
            totalMillis = ms;
        }

        KillTestReport build() {
            // the reconciliation's own log lines (org.drmaa2j.spi.session.SubmissionReconciler at INFO)
            int found = (int) log.stream().filter(l -> l.contains("was accepted as job")).count();
            int dropped = (int) log.stream().filter(l -> l.contains("never reached the scheduler")).count();
            int confirmed = (int) log.stream().filter(l -> l.startsWith(KillTest.SUBMITTED)).count();
            return new KillTestReport(driver, seed, jobs, runs, kills, confirmed, found, dropped, schedulerJobs, sessionJobs,
                    List.copyOf(lost), List.copyOf(duplicated), List.copyOf(wrongEnds), unresolved, List.copyOf(problems),
                    campaignMillis, totalMillis);
        }
    }
}
