// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.parse.DelimitedTable;
import org.drmaa2j.tck.hostile.ParserFuzz;
import org.drmaa2j.tck.hostile.ParserRobustnessProperties;

/**
 * Every Slurm parser on truncated, garbled and unknown-state versions of the verbatim samples
 * (see {@link ParserFuzz} for the rule they keep).
 */
class SlurmParserRobustnessTest extends ParserRobustnessProperties {
    private static final List<String> REPORTSEFF = List.of("admincomment", "alloccpus", "elapsed", "jobid", "jobidraw", "maxrss",
            "nnodes", "ntasks", "reqmem", "state", "timelimit", "totalcpu", "trailing");
    /** The driver's own squeue and sacct formats, as the status query reads them. */
    private static final String OWN_SQUEUE = "101|COMPLETED|None|0|debug|1|localhost|1763780000|1763780001|1763780002|drmaa|a|b\n"
            + "102|PENDING|JobHeldUser|0|debug|1||1763780000|N/A|N/A|drmaa|held\n103|CANCELLED by 1000|None|15|batch|8|localhost|1763780000|1763780001|1763780009|drmaa|x\n";
    private static final String OWN_SACCT = "101|COMPLETED|0:0|debug|1|localhost|1763780000|1763780001|1763780002|00:00:01|00:00.010|drmaa|a|b\n"
            + "104|FAILED|3:0|debug|1|localhost|1763780000|1763780001|1763780002|00:00:01|00:00.010|drmaa|f\n"
            + "105|CANCELLED by 1000|0:15|debug|1|localhost|1763780000|1763780001|1763780002|00:00:01|00:00.010|drmaa|c\n"
            + "106_[1-3%1]|PENDING|0:0|debug|1|None assigned|1763780000|Unknown|Unknown|00:00:00|00:00:00|drmaa|arr\n";

    @Override
    protected List<Family> families() {
        String drmaa2os = Samples.read("drmaa2os_sacct_P_and_sbatch_parsable.txt");
        String submitit = Samples.read("submitit_sacct_parsable2_arrays.txt");
        String reportseff = Samples.read("reportseff_sacct_parsable_custom_delim.txt");
        return List.of(
                new Family("own squeue", OWN_SQUEUE, t -> infos(DelimitedTable.withColumns(t, "|", SlurmJobRows.SQUEUE_COLUMNS))),
                new Family("own sacct", OWN_SACCT, t -> infos(DelimitedTable.withColumns(t, "|", SlurmJobRows.SACCT_COLUMNS))),
                new Family("squeue -t", Samples.read("nextflow_squeue_noheader_i_t.txt"),
                        t -> infos(DelimitedTable.withColumns(t, " ", List.of("jobid", "st")))),
                new Family("squeue ^^^", Samples.read("aiida_squeue_noheader_o_fields_caret_sep.txt"),
                        t -> infos(DelimitedTable.withColumns(t, "^^^", List.of("jobid", "st", "reason", "batchhost", "user", "nodes",
                                "cpus", "nodelist", "partition", "timelimit", "time", "start", "name", "submit")))),
                new Family("squeue |", Samples.read("pysqa_squeue_format_A_u_t_j_Z.txt"),
                        t -> infos(DelimitedTable.withColumns(t, "|", List.of("jobid", "user", "st", "name", "workdir")))),
                new Family("sacct -P", Samples.section(drmaa2os, "$ sacct -P"), t -> infos(DelimitedTable.withHeader(t, "|"))),
                new Family("sacct arrays", submitit.substring(0, submitit.indexOf("---")), t -> infos(DelimitedTable.withHeader(t, "|"))),
                new Family("sacct ^|^", Samples.section(reportseff, "### job 23000233"),
                        t -> infos(DelimitedTable.withColumns(t, "^|^", REPORTSEFF))),
                new Family("scontrol show job -o", Samples.read("qtoolkit_scontrol_show_job_o_completed.txt"),
                        t -> List.of(SlurmJobRows.toJobInfo(ScontrolJobRecord.parse(t), ZoneOffset.UTC))),
                new Family("scontrol show job", Samples.read("irushcs_scontrol_d_show_job_multiline.txt"), t -> {
                    List<JobInfo> out = new ArrayList<>();
                    for (String job : t.split("\n\\s*\n")) out.add(SlurmJobRows.toJobInfo(ScontrolJobRecord.parse(job), ZoneOffset.UTC));
                    return out;
                }),
                new Family("sbatch", Samples.read("qtoolkit_sbatch_submit_outputs.txt"), t -> {
                    SbatchOutput.jobId(t);
                    return List.of();
                }),
                new Family("scontrol show reservation", Samples.captured("scontrol_show_reservation_core_lines.txt", "env SLURM_TIME_FORMAT"), t -> {
                    SlurmReservationRecords.parse(t, ZoneOffset.UTC);
                    return List.of();
                }));
    }

    private static List<JobInfo> infos(DelimitedTable t) {
        List<JobInfo> out = new ArrayList<>();
        for (Map<String, String> row : t.rows()) {
            if (!SlurmJobRows.isStep(row)) out.add(SlurmJobRows.toJobInfo(row, ZoneOffset.UTC));
        }
        return out;
    }

    @Override
    protected Collection<String> stateWords() {
        List<String> words = new ArrayList<>(SlurmStates.COMPACT.keySet());
        words.addAll(SlurmStates.COMPACT.values());
        return words;
    }

    @Override
    protected Map<String, String> abbreviations() {
        return SlurmStates.COMPACT;
    }
}
