// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * Control of the tasks of a late-materialized array (maxParallel, {@code max_materialize}) before
 * HTCondor materializes them: such a task is not in the schedd's queue yet, so condor_hold and
 * condor_rm cannot reach it. The array carries two lists of ProcIds, {@value #HELD} and
 * {@value #CANCELLED}, which the tasks inherit from the cluster when they materialize: a listed
 * task never matches ({@code requirements}), a held one is put on hold ({@code periodic_hold}) and
 * a cancelled one removed ({@code periodic_remove}) as soon as it exists. The driver edits the
 * lists with {@code condor_qedit} of the cluster.
 */
final class CondorLateTasks {
    /** The array attribute listing ProcIds held before they materialized. */
    static final String HELD = "Drmaa2jHeld";
    /** The array attribute listing ProcIds terminated before they materialized. */
    static final String CANCELLED = CondorSubmitCommand.CANCELLED_ATTRIBUTE;

    private final CommandRunner runner;

    CondorLateTasks(CommandRunner runner) {
        this.runner = runner;
    }

    /** @return the ClassAd test that a task's ProcId is on the list {@code attribute} */
    static String listed(String attribute) {
        return "stringListMember(string(ProcId), " + attribute + ")";
    }

    /**
     * @param ad a job ad with its {@value #HELD} attribute
     * @return true when the job's ProcId is on its array's held list
     */
    static boolean isListedHeld(JsonNode ad) {
        String list = CondorJobAds.text(ad, HELD);
        Long proc = CondorJobAds.number(ad, "ProcId");
        return list != null && proc != null && parse(list).contains(proc);
    }

    /**
     * @param cluster the array's cluster id
     * @param proc a ProcId
     * @return true when the array's factory has not materialized that task yet
     */
    boolean notMaterialized(long cluster, long proc) {
        JsonNode f = factory(cluster);
        Long next = f == null ? null : CondorJobAds.number(f, "JobMaterializeNextProcId");
        return next != null && proc >= next;
    }

    /**
     * Adds or removes a ProcId on one of the array's lists.
     *
     * @param cluster the cluster id
     * @param attribute {@value #HELD} or {@value #CANCELLED}
     * @param proc the ProcId
     * @param add true to add, false to remove
     * @throws DeniedByDrmsException with condor_qedit's words when the edit fails
     */
    synchronized void edit(long cluster, String attribute, long proc, boolean add) {
        JsonNode f = factory(cluster);
        TreeSet<Long> procs = parse(f == null ? null : CondorJobAds.text(f, attribute));
        if (add ? !procs.add(proc) : !procs.remove(proc)) return;
        String list = procs.stream().map(String::valueOf).collect(Collectors.joining(","));
        CommandResult r = runner.run(Command.of("condor_qedit", Long.toString(cluster), attribute, "\"" + list + "\""));
        if (!r.succeeded()) throw new DeniedByDrmsException("cannot change " + attribute + " of array " + cluster + ": " + r.describeFailure());
    }

    /** @return the factory ad of the cluster (next ProcId and both lists), or null when it has none (any more) */
    private JsonNode factory(long cluster) {
        CommandResult r = runner.run(Command.of(List.of("condor_q", "-factory", Long.toString(cluster), "-json", "-attributes",
                "JobMaterializeNextProcId," + HELD + "," + CANCELLED)));
        if (!r.succeeded()) throw new DeniedByDrmsException(r.describeFailure());
        List<JsonNode> ads = CondorJobAds.parse(r.stdout(), "condor_q -factory");
        return ads.isEmpty() ? null : ads.get(0);
    }

    /** @return the ProcIds of a list such as {@code 2,5}; empty for null, empty or unreadable parts */
    static TreeSet<Long> parse(String list) {
        TreeSet<Long> procs = new TreeSet<>();
        if (list == null) return procs;
        for (String part : list.split(",")) {
            try {
                procs.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                // an empty list, or a part that is no number: not a ProcId
            }
        }
        return procs;
    }
}
