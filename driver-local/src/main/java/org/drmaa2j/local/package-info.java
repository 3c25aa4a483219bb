// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code local} driver: jobs are processes of this machine, with the full DRMAA2 surface.
 *
 * <p>Each job runs under a fixed Perl wrapper that leads a new process group, records the exit
 * status and the terminating signal apart, the CPU time and the end time into a completion marker
 * in the session directory, survives the JVM that started it, and ignores the SIGTERM sent to its
 * group on terminate. Suspend and resume send SIGSTOP/SIGCONT to the group (through libc
 * {@code kill} via JNA); terminate sends SIGTERM, then SIGKILL to the rest of the group after a
 * grace period. Resource limits other than the wall-clock time are set with {@code prlimit}; the
 * wall-clock limit, start time and deadline are enforced by the driver. Hold keeps a job in the
 * driver's queue; queued jobs start in priority order, arrays at most {@code maxParallel} at once.
 * A session reopened in another JVM reads the markers, watches still-running processes and starts
 * the jobs nobody started yet.
 */
package org.drmaa2j.local;
