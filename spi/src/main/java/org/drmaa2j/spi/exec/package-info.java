// SPDX-License-Identifier: Apache-2.0
/**
 * Running scheduler commands: where a driver's command lines go after they are built.
 *
 * <p>A {@link org.drmaa2j.spi.exec.Command} is an argv list (never a shell string) with optional
 * standard input, a time-out and whether repeating it is safe. A
 * {@link org.drmaa2j.spi.exec.CommandRunner} runs it and returns a
 * {@link org.drmaa2j.spi.exec.CommandResult}; a non-zero exit code is a result, not an exception.
 * {@link org.drmaa2j.spi.exec.CommandRunners} opens the runner a {@link org.drmaa2j.spi.exec.Contact}
 * asks for: local processes, {@code docker exec} into a container, or a login node over SSH
 * ({@link org.drmaa2j.spi.exec.ssh}), wrapped in a {@link org.drmaa2j.spi.exec.RetryingCommandRunner}
 * that retries what {@link org.drmaa2j.spi.exec.TransientFailures} recognises, within the
 * {@link org.drmaa2j.spi.exec.RetryPolicy}'s budget. {@link org.drmaa2j.spi.exec.CommandMetrics}
 * counts the commands run, per program. A runner that can hold a process open cheaply (the local
 * one) also starts {@link org.drmaa2j.spi.exec.CoProcess}es: long-lived helpers spoken to in lines,
 * which save a process start per request and tell a request never delivered from one unanswered.
 */
package org.drmaa2j.spi.exec;
