// SPDX-License-Identifier: Apache-2.0
/**
 * The kill test every driver's tests can run: a managing program (a child JVM running
 * {@link org.drmaa2j.tck.durability.KillTestCampaign}) submits a campaign of distinctly named jobs
 * into one persistent job session and is killed with SIGKILL at random points; each time it is
 * started again, it reopens the session, asks it which jobs are already there and submits only the
 * rest. At the end the session is reopened once more, every job is waited for, and what the session
 * holds is compared with the scheduler's own list of jobs (a {@link org.drmaa2j.tck.durability.SchedulerLedger}
 * the driver's test supplies): nothing lost, nothing submitted twice, every job's final state and
 * exit status right. The random kill points come from one seed, printed with the figures; the
 * system property {@value org.drmaa2j.tck.durability.KillTest#SEED_PROPERTY} replays it.
 *
 * <pre>{@code
 * KillTestReport r = KillTest.builder("slurm", properties)
 *         .session("campaign").jobs(300).kills(6)
 *         .ledger(() -> listJobsWithSacct())
 *         .run();
 * System.out.println(r.summary());
 * r.assertClean();
 * }</pre>
 */
package org.drmaa2j.tck.durability;
