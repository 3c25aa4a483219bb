// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.parse.DelimitedTable;
import org.drmaa2j.spi.script.ScriptRenderer;

/**
 * The Slurm driver's own parsers and submission builder, opened to the benchmarks: the same calls its
 * status query and its tests make, nothing re-implemented.
 *
 * <p>A hook for the {@code bench} module, which runs on the class path: not part of the driver's API,
 * and its package is not exported by the driver's module.
 */
public final class SlurmBenchAccess {
    private SlurmBenchAccess() {
    }

    /**
     * @param text      squeue output without header
     * @param delimiter its column delimiter
     * @param columns   its columns, in order
     * @return one JobInfo per row
     */
    public static List<JobInfo> squeue(String text, String delimiter, List<String> columns) {
        List<JobInfo> out = new ArrayList<>();
        for (Map<String, String> row : DelimitedTable.withColumns(text, delimiter, columns).rows()) {
            out.add(SlurmJobRows.toJobInfo(row, ZoneOffset.UTC));
        }
        return out;
    }

    /**
     * @param text      sacct --parsable output without header
     * @param delimiter its column delimiter
     * @param columns   its columns, in order
     * @return one JobInfo per job (steps skipped, as the status query does)
     */
    public static List<JobInfo> sacct(String text, String delimiter, List<String> columns) {
        List<JobInfo> out = new ArrayList<>();
        for (Map<String, String> row : DelimitedTable.withColumns(text, delimiter, columns).rows()) {
            if (SlurmJobRows.isStep(row)) continue;
            out.add(SlurmJobRows.toJobInfo(row, ZoneOffset.UTC));
        }
        return out;
    }

    /**
     * @param homeDirectory the user's home directory on the cluster
     * @return what the driver does to submit a template: its sbatch command line and rendered script
     */
    public static Function<JobTemplate, Object> submitCommands(String homeDirectory) {
        SlurmSubmitCommand cmd = new SlurmSubmitCommand(
                ScriptRenderer.forDriver("slurm", SlurmProvider.TEMPLATE, SlurmProvider.class, Map.of()), homeDirectory);
        return t -> cmd.build(t, null);
    }
}
