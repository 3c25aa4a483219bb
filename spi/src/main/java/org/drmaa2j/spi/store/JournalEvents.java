// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines of a session journal, one JSON object each, and their replay. Events ({@code e}):
 * <pre>
 * intent   tag, at, t (template), bulk {b,e,s,p} or absent,
 *          by {host,pid,start} (the submitting process)      written BEFORE the scheduler is asked
 * job      id, tag?, array?, index, t? (absent: the intent's), info, data   a job and its full record
 * info     id, info, data                                       newer information of a known job
 * reaped   id                                                   the job left the session
 * dropped  tag, why                                             an intent that never became a job
 * </pre>
 * Replay keeps the last record of each job; an intent is pending until a {@code job} line with its
 * tag or a {@code dropped} line. Empty lines are skipped (every write starts with a line break, so
 * that whatever a killed writer left unfinished stays a line of its own). A line that does not
 * parse is skipped and listed in {@link State#damage}: a torn last line (a writer killed while
 * writing, or one still writing) or a damaged line elsewhere; the caller decides when to report it
 * ({@link JournalDamage}).
 */
final class JournalEvents {
    private static final Logger LOG = LoggerFactory.getLogger(JournalEvents.class);

    private JournalEvents() {
    }

    /** The state a journal describes. */
    static final class State {
        final Map<String, JobRecord> jobs = new LinkedHashMap<>();
        final Map<String, String> tags = new HashMap<>();
        final Map<String, SubmissionIntent> intents = new HashMap<>();
        final Map<String, SubmissionIntent> pending = new LinkedHashMap<>();
        /** True when the file's last byte is not a line break (a torn or unfinished line). */
        boolean tornTail;
        /** True when the journal file exists and is empty. */
        boolean empty;
        /** The lines that did not parse, in file order. */
        final List<Damage> damage = new ArrayList<>();

        /** @return the lines that describe this state, intents first */
        byte[] snapshot() {
            StringBuilder sb = new StringBuilder();
            try {
                for (SubmissionIntent i : pending.values()) sb.append(Json.MAPPER.writeValueAsString(intent(i))).append('\n');
                for (JobRecord r : jobs.values()) sb.append(Json.MAPPER.writeValueAsString(job(r, tags.get(r.jobId()), true))).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode the journal", e);
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * A journal line that did not parse.
     *
     * @param line its line number, from 1
     * @param offset its first byte's offset in the file
     * @param length its length in bytes
     * @param tornTail true when it is the file's unfinished last line
     * @param why the parser's complaint
     */
    record Damage(int line, long offset, int length, boolean tornTail, String why) {
    }

    static ObjectNode intent(SubmissionIntent i) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("e", "intent");
        n.put("tag", i.tag());
        n.put("at", i.recordedAt().toEpochMilli());
        n.set("t", TemplateJson.toJson(i.template()));
        if (i.range() != null) {
            ObjectNode b = n.putObject("bulk");
            b.put("b", i.range().begin());
            b.put("e", i.range().end());
            b.put("s", i.range().step());
            b.put("p", i.range().maxParallel());
        }
        if (i.submitter() != null) {
            ObjectNode by = n.putObject("by");
            by.put("host", i.submitter().host());
            by.put("pid", i.submitter().pid());
            by.put("start", i.submitter().startMillis());
        }
        return n;
    }

    static ObjectNode job(JobRecord r, String tag, boolean withTemplate) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("e", "job");
        n.put("id", r.jobId());
        Json.put(n, "tag", tag);
        Json.put(n, "array", r.arrayId());
        n.put("index", r.taskIndex());
        if (withTemplate || tag == null) n.set("t", TemplateJson.toJson(r.template()));
        n.set("info", JobInfoJson.toJson(r.info()));
        Json.put(n, "data", r.driverData());
        return n;
    }

    static ObjectNode info(JobRecord r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("e", "info");
        n.put("id", r.jobId());
        n.set("info", JobInfoJson.toJson(r.info()));
        Json.put(n, "data", r.driverData());
        return n;
    }

    static ObjectNode reaped(String jobId) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("e", "reaped");
        n.put("id", jobId);
        return n;
    }

    static ObjectNode dropped(String tag, String why) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("e", "dropped");
        n.put("tag", tag);
        n.put("why", why);
        return n;
    }

    /**
     * @param session the session name
     * @param bytes the journal's content
     * @param source where it came from, for log messages
     * @return the state it describes
     */
    static State replay(String session, byte[] bytes, Object source) {
        return replay(new State(), session, bytes, source);
    }

    /**
     * @param s the state before the journal (records of an older store), changed in place
     * @param session the session name
     * @param bytes the journal's content
     * @param source where it came from, for log messages
     * @return s
     */
    static State replay(State s, String session, byte[] bytes, Object source) {
        s.tornTail = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
        s.empty = bytes.length == 0;
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i > start) lines.add(new int[] {start, i, number});
                start = i + 1;
                number++;
            }
        }
        if (start < bytes.length) lines.add(new int[] {start, bytes.length, number});
        for (int k = 0; k < lines.size(); k++) {
            int[] l = lines.get(k);
            boolean torn = k == lines.size() - 1 && s.tornTail;
            try {
                JsonNode n = Json.MAPPER.readTree(bytes, l[0], l[1] - l[0]);
                if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON object");
                apply(s, session, n);
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                s.damage.add(new Damage(l[2], l[0], l[1] - l[0], torn, why));
                LOG.debug("skipping the unreadable line {} of {}{}: {}", l[2], source, torn ? " (its torn last line)" : "", why);
            }
        }
        return s;
    }

    private static void apply(State s, String session, JsonNode n) {
        String e = Json.str(n, "e");
        if (e == null) throw new IllegalArgumentException("no event type");
        switch (e) {
            case "intent" -> {
                JsonNode b = n.get("bulk");
                BulkRange range = b == null ? null
                        : new BulkRange(b.path("b").asLong(), b.path("e").asLong(), b.path("s").asLong(1), b.path("p").asLong());
                JsonNode by = n.get("by");
                OwnerProcess submitter = by == null || !by.hasNonNull("host") ? null
                        : new OwnerProcess(by.get("host").asText(), by.path("pid").asLong(), by.path("start").asLong());
                SubmissionIntent i = new SubmissionIntent(req(n, "tag"), Instant.ofEpochMilli(n.path("at").asLong()),
                        TemplateJson.fromJson(n.get("t")), range, submitter);
                s.intents.put(i.tag(), i);
                s.pending.put(i.tag(), i);
            }
            case "job" -> {
                String id = req(n, "id");
                String tag = Json.str(n, "tag");
                JobTemplate t;
                if (n.hasNonNull("t")) t = TemplateJson.fromJson(n.get("t"));
                else {
                    SubmissionIntent i = tag == null ? null : s.intents.get(tag);
                    if (i == null) throw new IllegalArgumentException("job " + id + " names no known intent");
                    t = i.template();
                }
                s.jobs.put(id, new JobRecord(id, session, Json.str(n, "array"), n.path("index").asLong(1), t,
                        JobInfoJson.fromJson(n.get("info")), Json.map(n, "data")));
                if (tag != null) {
                    s.tags.put(id, tag);
                    s.pending.remove(tag);
                }
            }
            case "info" -> {
                JobRecord r = s.jobs.get(req(n, "id"));
                if (r != null) s.jobs.put(r.jobId(), new JobRecord(r.jobId(), session, r.arrayId(), r.taskIndex(), r.template(),
                        JobInfoJson.fromJson(n.get("info")), Json.map(n, "data")));
            }
            case "reaped" -> {
                String id = req(n, "id");
                s.jobs.remove(id);
                s.tags.remove(id);
            }
            case "dropped" -> s.pending.remove(req(n, "tag"));
            default -> LOG.debug("ignoring journal event '{}'", e);
        }
    }

    private static String req(JsonNode n, String k) {
        String v = Json.str(n, k);
        if (v == null) throw new IllegalArgumentException("no " + k);
        return v;
    }
}
