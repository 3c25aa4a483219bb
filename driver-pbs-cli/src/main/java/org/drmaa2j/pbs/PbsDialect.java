// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Locale;
import org.drmaa2j.InvalidArgumentException;

/**
 * The three command sets the driver speaks. They share {@code qsub}, {@code qstat -f},
 * {@code qhold}, {@code qrls} and {@code qdel} but differ in array options, the index variable,
 * the status format and what a finished job shows.
 */
enum PbsDialect {
    /** OpenPBS and Altair PBS Professional: {@code -J}, {@code $PBS_ARRAY_INDEX}, {@code qstat -f -F json -x}, job history. */
    PBSPRO("OpenPBS/PBS Pro", "-J", "PBS_ARRAY_INDEX", "$PBS_JOBID", ""),
    /** Torque: {@code -t} without a step, {@code $PBS_ARRAYID}, {@code qstat -x} is XML, finished jobs kept as C for a while. */
    TORQUE("Torque", "-t", "PBS_ARRAYID", "$PBS_JOBID", ""),
    /**
     * Slurm's Torque-style wrappers (Debian {@code slurm-wlm-torque}): Perl scripts that turn
     * {@code qsub/qstat/qdel/qhold/qrls} into Slurm commands. {@code qstat -f} is Torque-like text
     * without exit status or array indices (an array task shows under its own Slurm job number),
     * held jobs show as Q, there is no {@code qsig}, and the control commands take plain Slurm job
     * numbers only.
     */
    SLURM_WRAPPERS("Slurm (Torque-style wrappers)", "-t", "SLURM_ARRAY_TASK_ID",
            "${SLURM_ARRAY_JOB_ID:+${SLURM_ARRAY_JOB_ID}[${SLURM_ARRAY_TASK_ID}]}", "$SLURM_JOB_ID");

    /** Driver property choosing the dialect instead of detecting it: {@code pbspro}, {@code torque} or {@code slurm}. */
    static final String PROPERTY = "drmaa2j.pbs.dialect";

    private final String displayName;
    private final String arrayOption;
    private final String indexVariable;
    private final String jobIdExpression;
    private final String schedulerIdExpression;

    PbsDialect(String displayName, String arrayOption, String indexVariable, String jobIdExpression, String schedulerIdExpression) {
        this.displayName = displayName;
        this.arrayOption = arrayOption;
        this.indexVariable = indexVariable;
        this.jobIdExpression = jobIdExpression;
        this.schedulerIdExpression = schedulerIdExpression;
    }

    /** @return the scheduler's name for DRMS reports */
    String displayName() {
        return displayName;
    }

    /** @return the qsub option submitting an array */
    String arrayOption() {
        return arrayOption;
    }

    /** @return the environment variable holding a task's index inside the job */
    String indexVariable() {
        return indexVariable;
    }

    /** @return shell text (fixed, no user data) giving the job's own id as the driver knows it */
    String jobIdExpression() {
        return jobIdExpression;
    }

    /**
     * @return shell text (fixed) giving the scheduler's own number of the running job where the
     *     status command shows array tasks only under it, else empty
     */
    String schedulerIdExpression() {
        return schedulerIdExpression;
    }

    /**
     * @param value the property value
     * @return the dialect it names
     * @throws InvalidArgumentException naming {@value #PROPERTY} for anything else
     */
    static PbsDialect fromProperty(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "pbspro", "openpbs", "pbs" -> PBSPRO;
            case "torque" -> TORQUE;
            case "slurm", "slurm-torque", "slurm-wlm-torque" -> SLURM_WRAPPERS;
            default -> throw new InvalidArgumentException(PROPERTY, "'" + value + "' is not pbspro, torque or slurm");
        };
    }

    /**
     * The id a dependency names: Slurm's wrappers hand dependencies to sbatch, which writes array
     * tasks as {@code 45_3}, not {@code 45[3]}.
     *
     * @param jobId the driver's job id
     * @return the id for {@code -W depend=}
     */
    String dependencyId(String jobId) {
        if (this != SLURM_WRAPPERS) return jobId;
        int open = jobId.indexOf('[');
        if (open < 0 || !jobId.endsWith("]")) return jobId;
        String index = jobId.substring(open + 1, jobId.length() - 1);
        return index.isEmpty() ? jobId.substring(0, open) : jobId.substring(0, open) + "_" + index;
    }
}
