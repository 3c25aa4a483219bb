// SPDX-License-Identifier: Apache-2.0
/**
 * The persistent session store: one private directory per named job session (modes 0700/0600),
 * the session's append-only journal of its jobs, and completion markers written by the jobs
 * themselves. Only {@link java.nio.file.Files} operations are used, so the store may live on any
 * {@link java.nio.file.FileSystem}, a remote one (SFTP) included.
 *
 * <h2>Durability guarantees</h2>
 * <ul>
 *   <li><b>What survives.</b> Every event a call completed: a killed process (SIGKILL at any
 *       moment) leaves each submission either recorded with its job id, or recorded as an intent
 *       that reopening resolves. Events are handed to the operating system before the call returns
 *       but not synced to disk: an operating-system crash or power loss may lose the last events.</li>
 *   <li><b>The tag.</b> Each submission gets a unique tag
 *       ({@link org.drmaa2j.spi.store.SubmissionTags}: twelve hex digits of the session, a dot,
 *       twelve random hex digits), recorded as an intent BEFORE the scheduler is asked and given to
 *       the scheduler with the job ({@code drmaa2j:<tag>}; Slurm: the job comment). After a crash,
 *       reopening the session looks the pending tags up at the scheduler.</li>
 *   <li><b>The grace period.</b> An intent the scheduler does not know yet is looked up again every
 *       second until its grace period (driver property {@code drmaa2j.reconcile.graceMillis},
 *       default 60 s after the intent) has passed, since the dead process's submission command may
 *       still be running; then it is dropped as never submitted. Reopening returns once every
 *       intent is resolved. A driver that cannot look tags up leaves intents pending and warns.</li>
 *   <li><b>Several processes.</b> Any number of processes may reopen a session and append to its
 *       journal; it is compacted (rewritten atomically as its current state) on open and close only
 *       while no other live process has it open.</li>
 * </ul>
 */
package org.drmaa2j.spi.store;
