// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * The batched status query: one {@code condor_q} for all of the user's jobs in the queue and,
 * only when some asked-about jobs have left it, one {@code condor_history} for those. Never one
 * command per job.
 *
 * <p>condor_history reads the schedd's history file backwards from the newest record, so it is
 * told when to stop: after as many records as jobs are asked for ({@code -limit}), and at the
 * first record that left the queue an hour or more before the oldest asked-about job was
 * submitted ({@code -since}; the hour covers clocks that differ between this machine and the
 * schedd). A task of a late-materialized array ({@code max_materialize}) whose ProcId is not
 * below its cluster's {@code JobMaterializeNextProcId} has not materialized yet; it is in neither
 * place and is not asked for.
 */
final class CondorStatusQuery {
    /** At most this many jobs per condor_history command, so that the constraint stays a modest argument. */
    static final int HISTORY_CHUNK = 1000;
    /** How much earlier than a job's submission the history scan may stop. */
    static final Duration HISTORY_SLACK = Duration.ofHours(1);

    private final CommandRunner runner;

    CondorStatusQuery(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * @param submitted the jobs to report on, each with its submission time (or null when unknown)
     * @return what is known about them; jobs neither command knows are left out
     */
    Map<String, JobInfo> query(Map<String, Instant> submitted) {
        Map<String, JobInfo> found = new HashMap<>();
        if (submitted.isEmpty()) return found;
        Map<Long, Long> nextToMaterialize = new HashMap<>();
        for (JsonNode ad : condorQ(List.of())) {
            String id = CondorJobAds.jobId(ad);
            if (id == null) continue;
            Long next = CondorJobAds.number(ad, "JobMaterializeNextProcId");
            if (next != null) nextToMaterialize.merge(CondorJobAds.number(ad, "ClusterId"), next, Math::max);
            if (submitted.containsKey(id)) found.put(id, CondorJobAds.toJobInfo(ad));
        }
        Map<String, Instant> gone = new TreeMap<>();
        submitted.forEach((id, when) -> {
            if (found.containsKey(id)) return;
            long[] cp = split(id);
            if (cp == null) return;
            Long next = nextToMaterialize.get(cp[0]);
            if (next != null && cp[1] >= next) return; // not materialized yet
            gone.put(id, when);
        });
        List<String> ids = new ArrayList<>(gone.keySet());
        for (int from = 0; from < ids.size(); from += HISTORY_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + HISTORY_CHUNK));
            Instant oldest = null;
            boolean allKnown = true;
            for (String id : chunk) {
                Instant w = gone.get(id);
                if (w == null) allKnown = false;
                else if (oldest == null || w.isBefore(oldest)) oldest = w;
            }
            for (JsonNode ad : history(constraint(chunk), chunk.size(), allKnown ? oldest : null)) {
                String id = CondorJobAds.jobId(ad);
                if (id != null && gone.containsKey(id)) found.putIfAbsent(id, CondorJobAds.toJobInfo(ad));
            }
        }
        return found;
    }

    /**
     * @param selection extra condor_q arguments, such as {@code -allusers}
     * @return the job ads in the queue
     */
    List<JsonNode> condorQ(List<String> selection) {
        List<String> argv = new ArrayList<>(List.of("condor_q", "-json", "-attributes", CondorJobAds.attributeList()));
        argv.addAll(selection);
        return CondorJobAds.parse(run(argv), "condor_q");
    }

    /** @return every job in the queue, of every user */
    List<JobInfo> allJobs() {
        List<JobInfo> out = new ArrayList<>();
        for (JsonNode ad : condorQ(List.of("-allusers"))) {
            if (CondorJobAds.jobId(ad) != null) out.add(CondorJobAds.toJobInfo(ad));
        }
        return out;
    }

    private List<JsonNode> history(String constraint, int limit, Instant oldestSubmission) {
        List<String> argv = new ArrayList<>(List.of("condor_history", "-json", "-attributes", CondorJobAds.attributeList(),
                "-constraint", constraint, "-limit", Integer.toString(limit)));
        if (oldestSubmission != null) {
            argv.add("-since");
            argv.add("EnteredCurrentStatus < " + oldestSubmission.minus(HISTORY_SLACK).getEpochSecond());
        }
        return CondorJobAds.parse(run(argv), "condor_history");
    }

    /**
     * @param ids job ids {@code CLUSTER.PROC}
     * @return a ClassAd constraint matching exactly those jobs, grouped by cluster
     */
    static String constraint(List<String> ids) {
        Map<Long, List<Long>> byCluster = new TreeMap<>();
        for (String id : ids) {
            long[] cp = split(id);
            if (cp != null) byCluster.computeIfAbsent(cp[0], k -> new ArrayList<>()).add(cp[1]);
        }
        List<String> parts = new ArrayList<>();
        byCluster.forEach((cluster, procs) -> {
            List<String> p = new ArrayList<>();
            for (long proc : procs) p.add("ProcId == " + proc);
            parts.add("(ClusterId == " + cluster + " && (" + String.join(" || ", p) + "))");
        });
        return parts.isEmpty() ? "false" : String.join(" || ", parts);
    }

    /** @return {cluster, proc} of an id {@code CLUSTER.PROC}, or null when it is not one */
    static long[] split(String id) {
        int dot = id.indexOf('.');
        if (dot <= 0) return null;
        try {
            return new long[] {Long.parseLong(id.substring(0, dot)), Long.parseLong(id.substring(dot + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String run(List<String> argv) {
        CommandResult r = runner.run(Command.of(argv));
        if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
        return r.stdout();
    }
}
