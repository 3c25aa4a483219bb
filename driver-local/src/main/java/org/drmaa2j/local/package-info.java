// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code local} driver: jobs are processes of this machine, with the full DRMAA2 surface.
 *
 * <p>Jobs are started by one long-lived Perl supervisor per scheduler (started with the first job,
 * fed requests on its standard input): it forks each job into a new process group of its own with
 * the default signal handling, and when the job ends it records the exit status and the
 * terminating signal apart, the CPU time and the start and end time into a completion marker in the
 * session directory before reaping it, and says so at once. It ignores SIGTERM/SIGINT/SIGHUP and
 * survives the JVM that started it until its last job has been recorded. Suspend and resume send
 * SIGSTOP/SIGCONT to the job's group (through libc {@code kill} via JNA); terminate sends SIGTERM,
 * then SIGKILL to the group after a
 * grace period. Resource limits other than the wall-clock time are set with {@code prlimit}; the
 * wall-clock limit, start time and deadline are enforced by the driver. Hold keeps a job in the
 * driver's queue; queued jobs start in priority order, arrays at most {@code maxParallel} at once.
 * A session reopened in another JVM reads the markers, watches still-running processes and starts
 * the jobs nobody started yet.
 */
package org.drmaa2j.local;
