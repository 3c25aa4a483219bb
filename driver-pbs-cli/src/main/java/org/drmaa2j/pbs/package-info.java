// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code pbs} driver: OpenPBS / PBS Pro and Torque through {@code qsub}, {@code qstat},
 * {@code qhold}, {@code qrls}, {@code qsig} and {@code qdel}. It tells the flavour of the commands
 * (PBS Pro, Torque, or Slurm's Torque wrappers) from {@code qstat --version} and reads each one's
 * status output; the module's README lists what each flavour supports.
 */
package org.drmaa2j.pbs;
