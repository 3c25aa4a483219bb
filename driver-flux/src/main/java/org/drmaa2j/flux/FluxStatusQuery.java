// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.parse.UnreadableOutputException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.parse.DelimitedTable;
import org.drmaa2j.spi.cli.CliCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batched status query: ONE {@code flux jobs -a --json ID…} for all asked-about jobs (in
 * chunks of {@value #CHUNK} ids). With ids, flux jobs asks the job-list service for each of them
 * and prints what it found; ids it does not know (purged jobs) are reported on standard error and
 * left out.
 */
final class FluxStatusQuery {
    /** Ids per command, to keep the command line short. */
    static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(FluxStatusQuery.class);
    private final CliCommands flux;
    private volatile boolean jsonAvailable = true;

    FluxStatusQuery(CliCommands flux) {
        this.flux = flux;
    }

    /**
     * @param jobIds the jobs, in the driver's form
     * @return what flux jobs knows about them, keyed by id
     */
    Map<String, JobInfo> query(Collection<String> jobIds) {
        Map<String, JobInfo> out = new HashMap<>();
        List<String> ids = new ArrayList<>(jobIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            if (jsonAvailable) {
                CommandResult r = run(List.of("jobs", "-a", "--json"), chunk);
                if (!r.succeeded() && r.stdout().isBlank() && noJsonOption(r)) {
                    jsonAvailable = false;
                    LOG.info("this flux jobs has no --json; reading -o {} instead", FluxJobRows.FORMAT);
                } else {
                    requireOutput(r);
                    if (!r.stdout().isBlank()) out.putAll(parse(r.stdout()));
                    continue;
                }
            }
            CommandResult r = run(List.of("jobs", "-a", "-n", "-o", FluxJobRows.FORMAT), chunk);
            requireOutput(r);
            out.putAll(parseRows(r.stdout()));
        }
        return out;
    }

    private CommandResult run(List<String> options, List<String> ids) {
        List<String> args = new ArrayList<>(options.subList(1, options.size()));
        args.addAll(ids);
        return flux.run(flux.command(options.get(0), args));
    }

    /** Unknown ids make flux jobs complain on stderr while it prints the others: only no output at all is a failure. */
    private static void requireOutput(CommandResult r) {
        if (!r.succeeded() && r.stdout().isBlank()) throw new DrmCommunicationException(r.describeFailure());
        if (!r.stderr().isBlank()) LOG.debug("flux jobs: {}", r.stderr().strip());
    }

    private static boolean noJsonOption(CommandResult r) {
        String e = r.stderr();
        return e.contains("--json") && (e.contains("unrecognized") || e.contains("invalid option") || e.contains("unknown option"));
    }

    /**
     * @param stdout the output of {@code flux jobs -n -o} with {@link FluxJobRows#FORMAT}
     * @return each job's information, keyed by id
     */
    static Map<String, JobInfo> parseRows(String stdout) {
        Map<String, JobInfo> out = new HashMap<>();
        DelimitedTable t = DelimitedTable.withColumns(stdout, "|", FluxJobRows.COLUMNS);
        if (!t.malformed().isEmpty()) LOG.warn("flux jobs printed lines that do not fit its format: {}", t.malformed());
        for (Map<String, String> row : t.rows()) {
            JobInfo i = FluxJobRows.toJobInfo(row);
            if (i.getJobId() != null) out.put(i.getJobId(), i);
        }
        return out;
    }

    /**
     * @param stdout the output of {@code flux jobs --json}
     * @return each job's information, keyed by id
     */
    static Map<String, JobInfo> parse(String stdout) {
        List<JobInfo> infos;
        try {
            infos = FluxJobRecords.readJobsJson(stdout);
        } catch (IllegalArgumentException e) {
            throw new UnreadableOutputException(e.getMessage(), stdout, e);
        }
        Map<String, JobInfo> out = new HashMap<>(infos.size() * 2);
        for (JobInfo i : infos) {
            if (i.getJobId() != null) out.put(i.getJobId(), i);
        }
        return out;
    }
}
