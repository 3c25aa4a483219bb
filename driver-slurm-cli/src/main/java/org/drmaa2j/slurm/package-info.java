// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code slurm} driver: Slurm through its command-line tools. Jobs are submitted with
 * {@code sbatch}, their states read with {@code squeue} (one command per poll tick for all live jobs)
 * and {@code sacct} for jobs the controller no longer lists, controlled with {@code scontrol} and
 * {@code scancel}; {@code sinfo} serves monitoring and {@code scontrol} advance reservations. The
 * module's README lists what it supports and how.
 */
package org.drmaa2j.slurm;
