// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.WantedTags;
import org.drmaa2j.spi.store.SubmissionTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the jobs of submissions whose outcome is unknown by their tag. The tag is in the jobspec
 * ({@code attributes.user.drmaa2j.tag}, with {@code task} for a bulk task), which Flux keeps with
 * the job as long as it keeps the job; {@code flux jobs} does not show user attributes, so ONE
 * {@code flux python -c find_tags.py SINCE} lists this user's jobs submitted since the oldest
 * intent (less a minute for clocks that differ) and reads their jobspecs, all through one
 * connection. A bulk submission counts as found only when every one of its tasks is.
 */
final class FluxTagLookup {
    private static final Logger LOG = LoggerFactory.getLogger(FluxTagLookup.class);
    static final String SCRIPT = FluxSubmitter.resource("find_tags.py");
    /** How much earlier than the oldest intent to look: the instance's clock may differ from this one. */
    static final Duration SLACK = Duration.ofMinutes(1);

    private final CliCommands flux;

    FluxTagLookup(CliCommands flux) {
        this.flux = flux;
    }

    /**
     * @param intents the submissions to look for
     * @return for each tag Flux knows, what was submitted
     * @throws DrmCommunicationException when Flux cannot be asked
     */
    Map<String, BulkSubmitted> find(List<SubmissionIntent> intents) {
        if (intents.isEmpty()) return Map.of();
        Instant since = WantedTags.of(intents).oldest().minus(SLACK);
        CommandResult r = flux.run(flux.command("python", "-c", SCRIPT, Long.toString(since.getEpochSecond())));
        if (!r.succeeded()) throw new DrmCommunicationException("cannot look Flux jobs up by tag: " + r.describeFailure());
        return match(intents, parse(r.stdout()));
    }

    /**
     * @param stdout what {@code find_tags.py} printed: {@code ID TASK LABEL} lines
     * @return by tag, the job ids by task index (0 for a single job)
     */
    static Map<String, Map<Long, String>> parse(String stdout) {
        Map<String, Map<Long, String>> out = new HashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split(" ", 3);
            if (f.length != 3) continue;
            String tag = SubmissionTags.fromLabel(f[2]).orElse(null);
            if (tag == null) continue;
            try {
                long task = f[1].equals("-") ? 0 : Long.parseLong(f[1]);
                out.computeIfAbsent(tag, k -> new TreeMap<>()).put(task, FluxIds.toF58(Long.parseLong(f[0])));
            } catch (NumberFormatException e) {
                LOG.debug("ignored line of the tag lookup: {}", line);
            }
        }
        return out;
    }

    /**
     * @param intents the submissions looked for
     * @param found by tag, the job ids by task index
     * @return what each intent became, for those Flux knows completely
     */
    static Map<String, BulkSubmitted> match(List<SubmissionIntent> intents, Map<String, Map<Long, String>> found) {
        Map<String, BulkSubmitted> out = new HashMap<>();
        for (SubmissionIntent i : intents) {
            Map<Long, String> jobs = found.get(i.tag());
            if (jobs == null) continue;
            if (i.range() == null) {
                String id = jobs.get(0L);
                if (id != null) out.put(i.tag(), new BulkSubmitted(id, List.of(queued(id, i.template()))));
                continue;
            }
            List<Submitted> tasks = new ArrayList<>();
            long max = i.range().maxParallel();
            // tasks of a throttled array were submitted held: the session that adopts them releases them in turn
            Map<String, String> data = max > 0 && max < i.range().indices().size()
                    ? Map.of(FluxBulkThrottle.MAX_KEY, Long.toString(max), FluxBulkThrottle.STATE_KEY, "waiting") : Map.of();
            for (long index : i.range().indices()) {
                String id = jobs.get(index);
                if (id == null) break;
                Submitted s = queued(id, i.template());
                tasks.add(new Submitted(id, s.info(), data));
            }
            if (tasks.size() == i.range().indices().size()) {
                out.put(i.tag(), new BulkSubmitted(tasks.get(0).jobId(), tasks));
            } else {
                LOG.warn("Flux knows {} of the {} tasks of submission {}; it is not taken as submitted yet",
                        tasks.size(), i.range().indices().size(), i.tag());
            }
        }
        return out;
    }

    private static Submitted queued(String id, JobTemplate t) {
        JobInfo info = JobInfo.builder().jobId(id).jobName(t.getJobName()).queueName(t.getQueueName())
                .jobState(t.isSubmitAsHold() ? JobState.QUEUED_HELD : JobState.QUEUED).jobSubState("DEPEND").build();
        return new Submitted(id, info, Map.of());
    }
}
