// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.SubmissionTags;
import org.drmaa2j.spi.store.WantedTags;

/**
 * Finds submissions by their tag, which each carries as the custom job attribute
 * {@value CondorSubmitCommand#TAG_ATTRIBUTE}: one {@code condor_q} constrained to the tags looked
 * for, then, for tags not in the queue, one {@code condor_history} with the same constraint that
 * stops scanning at jobs that left the queue an hour before the oldest intent was recorded. The
 * attribute is part of the job ad, so the history keeps it for as long as it keeps the job.
 */
final class CondorTagLookup {
    /** How much earlier than the oldest intent the history scan may stop (clocks of this machine and the schedd may differ). */
    static final Duration SLACK = Duration.ofHours(1);
    private final CommandRunner runner;

    CondorTagLookup(CommandRunner runner) {
        this.runner = runner;
    }

    /**
     * @param intents the submissions to look for
     * @return the cluster id of each tag found
     * @throws DrmCommunicationException when condor_q or condor_history fails
     */
    Map<String, String> find(Collection<SubmissionIntent> intents) {
        WantedTags query = WantedTags.of(intents);
        Set<String> wanted = query.tags();
        Map<String, String> found = new HashMap<>();
        if (query.isEmpty()) return found;
        String attrs = "ClusterId,ProcId," + CondorSubmitCommand.TAG_ATTRIBUTE;
        collect(run("condor_q", List.of("condor_q", "-json", "-attributes", attrs, "-constraint", constraint(wanted))), wanted, found);
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(found.keySet());
        if (missing.isEmpty()) return found;
        collect(run("condor_history", List.of("condor_history", "-json", "-attributes", attrs, "-constraint", constraint(missing),
                "-since", "EnteredCurrentStatus < " + query.oldest().minus(SLACK).getEpochSecond())), missing, found);
        return found;
    }

    /** @return a constraint matching the jobs whose tag attribute is one of the tags' labels */
    static String constraint(Collection<String> tags) {
        List<String> labels = new ArrayList<>();
        for (String t : tags) {
            if (!t.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("not a submission tag: " + t);
            labels.add("\"" + SubmissionTags.label(t) + "\"");
        }
        return "member(" + CondorSubmitCommand.TAG_ATTRIBUTE + ", {" + String.join(", ", labels) + "})";
    }

    /**
     * @param ads job ads with ClusterId and the tag attribute
     * @param wanted the tags looked for
     * @param found where each wanted tag's cluster id goes
     */
    static void collect(List<JsonNode> ads, Set<String> wanted, Map<String, String> found) {
        for (JsonNode ad : ads) {
            Optional<String> tag = SubmissionTags.fromLabel(CondorJobAds.text(ad, CondorSubmitCommand.TAG_ATTRIBUTE));
            Long cluster = CondorJobAds.number(ad, "ClusterId");
            if (tag.isPresent() && cluster != null && wanted.contains(tag.get())) found.putIfAbsent(tag.get(), Long.toString(cluster));
        }
    }

    private List<JsonNode> run(String name, List<String> argv) {
        CommandResult r = runner.run(Command.of(argv));
        if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
        return CondorJobAds.parse(r.stdout(), name);
    }
}
