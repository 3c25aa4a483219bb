// SPDX-License-Identifier: Apache-2.0
/**
 * The command-line driver kit: what the Slurm, PBS, LSF and Flux drivers (and a site's own driver)
 * share beyond the driver contract of {@link org.drmaa2j.spi.backend}.
 *
 * <ul>
 *   <li>{@link org.drmaa2j.spi.cli.CliProvider}: the provider, which opens the command runner for the
 *       contact, picks the job-script template (the site's when one is named) and creates the backend.</li>
 *   <li>{@link org.drmaa2j.spi.cli.CliBackend}: the backend's shared part: the scheduler's version and
 *       the user's home directory learnt once, the submission command built once, extension keys
 *       checked, and the usual submission; a driver adds its status query and control.</li>
 *   <li>{@link org.drmaa2j.spi.cli.SubmitCommand}: the argv and job script of one submission, checked
 *       before anything is submitted.</li>
 *   <li>{@link org.drmaa2j.spi.cli.JobPaths}: the one placeholder rule for working directory, standard
 *       streams and arguments.</li>
 *   <li>{@link org.drmaa2j.spi.cli.CommandErrors} and {@link org.drmaa2j.spi.cli.CliCommands}: what a
 *       command's result means, with the scheduler's words, and where its programs are.</li>
 * </ul>
 * The module's {@code README.md} walks through a command-line driver in five parts.
 */
package org.drmaa2j.spi.cli;
