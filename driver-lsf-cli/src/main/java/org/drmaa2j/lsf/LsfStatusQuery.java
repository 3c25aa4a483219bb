// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.exec.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batched status query: one {@code bjobs -a -o "…" -json} for all asked-about jobs (whole
 * arrays by their base id), in the delimited form on LSF before 10.1.0.2 and the {@code -w} table
 * before 9.1.1 (whose ended jobs also go to the history, for exit codes); then, only for jobs
 * bjobs no longer knows ({@code Job <N> is not found}, after {@code CLEAN_PERIOD}), one
 * {@code bhist -a -l} for them all and one {@code bacct -l} for what bhist lacks; a job neither
 * knows is asked about again only after {@link #HISTORY_RETRY}. Never one command per job.
 */
final class LsfStatusQuery {
    private static final Logger LOG = LoggerFactory.getLogger(LsfStatusQuery.class);
    private static final int CHUNK = 500;
    /** How long a job neither bhist nor bacct knew is left alone before they are asked again. */
    static final Duration HISTORY_RETRY = Duration.ofSeconds(60);

    private final CliCommands commands;
    private final Supplier<LsfDialect> dialect;
    private final LsfTimes times;
    private final Map<String, Long> unknownSince = new ConcurrentHashMap<>();

    LsfStatusQuery(CliCommands commands, Supplier<LsfDialect> dialect, LsfTimes times) {
        this.commands = commands;
        this.dialect = dialect;
        this.times = times;
    }

    /**
     * @param jobIds job ids ({@code 123}) and array element ids ({@code 123[4]})
     * @return what is known about them; jobs no command knows are left out
     */
    Map<String, JobInfo> query(Collection<String> jobIds) {
        Map<String, JobInfo> found = new HashMap<>();
        if (jobIds.isEmpty()) return found;
        Set<String> wanted = new LinkedHashSet<>(jobIds);
        List<String> bases = new ArrayList<>(new LinkedHashSet<>(jobIds.stream().map(LsfStatusQuery::base).toList()));
        for (int from = 0; from < bases.size(); from += CHUNK) {
            List<String> args = new ArrayList<>(List.of("-a"));
            args.addAll(bases.subList(from, Math.min(bases.size(), from + CHUNK)));
            for (JobInfo i : bjobs(args)) {
                if (wanted.contains(i.getJobId())) found.put(i.getJobId(), i);
            }
        }
        boolean table = dialect.get().format() == LsfDialect.Format.TABLE;
        List<String> missing = new ArrayList<>();
        for (String id : wanted) {
            JobInfo i = found.get(id);
            // the table form has no exit codes: ended jobs are looked up in the history too
            if (i == null || (table && i.getJobState().isTerminal())) missing.add(id);
        }
        long now = System.nanoTime();
        missing.removeIf(id -> {
            Long since = unknownSince.get(id);
            return since != null && now - since < HISTORY_RETRY.toNanos();
        });
        if (!missing.isEmpty()) {
            Map<String, JobInfo> past = new HashMap<>(history("bhist", missing, "-a", "-l"));
            List<String> still = missing.stream().filter(id -> !past.containsKey(id)).toList();
            if (!still.isEmpty()) past.putAll(history("bacct", still, "-l"));
            past.forEach((id, info) -> found.merge(id, info, LsfStatusQuery::merge));
            for (String id : missing) {
                if (past.containsKey(id)) {
                    unknownSince.remove(id);
                } else {
                    unknownSince.put(id, now);
                    LOG.debug("LSF no longer knows job {}; it keeps its last known state", id);
                }
            }
        }
        return found;
    }

    /** @param jobId a job the session no longer holds */
    void forget(String jobId) {
        unknownSince.remove(jobId);
    }

    /** @return the history's record of an ended job, with what only bjobs knew filled in */
    static JobInfo merge(JobInfo current, JobInfo past) {
        JobInfo.Builder b = past.toBuilder();
        if (past.getJobName() == null) b.jobName(current.getJobName());
        if (past.getQueueName() == null) b.queueName(current.getQueueName());
        if (past.getJobOwner() == null) b.jobOwner(current.getJobOwner());
        if (past.getSubmissionMachine() == null) b.submissionMachine(current.getSubmissionMachine());
        if (past.getAllocatedMachines().isEmpty()) b.allocatedMachines(current.getAllocatedMachines());
        if (past.getSubmissionTime() == null) b.submissionTime(current.getSubmissionTime());
        return b.build();
    }

    /**
     * @param selection bjobs arguments choosing the jobs, such as {@code -u all} or ids
     * @return one JobInfo per job and array element bjobs prints
     */
    List<JobInfo> bjobs(List<String> selection) {
        LsfDialect d = dialect.get();
        List<String> args = new ArrayList<>();
        switch (d.format()) {
            case JSON -> args.addAll(List.of("-o", LsfJobRows.format(true), "-json"));
            case DELIMITED -> args.addAll(List.of("-noheader", "-o", LsfJobRows.format(false)));
            case TABLE -> args.add("-w");
            default -> throw new IllegalStateException("unhandled format " + d.format());
        }
        args.addAll(selection);
        CommandResult r = commands.run(commands.command("bjobs", args));
        if (!r.succeeded() && !LsfMessages.onlyHarmless(r.stderr())) throw new DrmCommunicationException(r.describeFailure());
        BjobsOutput out = switch (d.format()) {
            case JSON -> BjobsOutput.fromJson(r.stdout(), r.stderr());
            case DELIMITED -> BjobsOutput.fromDelimited(r.stdout(), r.stderr(), LsfJobRows.FIELDS);
            case TABLE -> new BjobsOutput(BjobsTable.rows(r.stdout()), LsfMessages.notFound(r.stderr()));
        };
        List<JobInfo> infos = new ArrayList<>();
        for (Map<String, String> rec : out.records()) infos.add(LsfJobRows.toJobInfo(rec, times));
        return infos;
    }

    private Map<String, JobInfo> history(String program, List<String> ids, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(ids);
        CommandResult r = commands.run(commands.command(program, args));
        Map<String, JobInfo> parsed = LsfHistory.parse(r.stdout(), times);
        if (parsed.isEmpty() && !r.succeeded()) {
            LOG.debug("{} knows none of {}: {}", program, ids, r.describeFailure());
        }
        Map<String, JobInfo> out = new HashMap<>();
        for (String id : ids) {
            JobInfo i = parsed.get(id);
            if (i != null) out.put(id, i);
        }
        return out;
    }

    /** @return {@code 123} for {@code 123[4]} */
    static String base(String id) {
        int b = id.indexOf('[');
        return b < 0 ? id : id.substring(0, b);
    }
}
