// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.drmaa2j.spi.store.SubmissionTags;

/**
 * Flux jobspecs (RFC 14, version 1) built by the driver, so that no user text passes through
 * {@code flux submit}'s option handling: its {@code --add-file} turns the two characters
 * {@code \n} into a newline, and its {@code --cc} drops {@code --add-file} and {@code --rlimit}
 * (both seen on flux-core 0.88.0). The shape is what {@code flux submit} builds for the same
 * request (its per-task model: {@code -n}, {@code -N}, {@code -c}, {@code -g}), checked against
 * {@code flux submit --dry-run} of flux-core 0.88.0.
 *
 * <p>The job runs {@code /bin/sh {{tmpdir}}/drmaa2j.sh}; the script travels in the jobspec's file
 * archive ({@code attributes.system.files}, UTF-8, exactly its text). Each task of a bulk job is a
 * job of its own: its index is {@code FLUX_JOB_CC} in its environment (as {@code flux submit --cc}
 * sets it) and is already substituted in its working directory and paths. The submission's tag
 * is {@code attributes.user.drmaa2j.tag} (and the task index {@code attributes.user.drmaa2j.task}),
 * which Flux keeps with the job for as long as it keeps the job.
 */
final class FluxJobspec {
    /** The name of the script in the job's file archive. */
    static final String SCRIPT_NAME = "drmaa2j.sh";
    /** The job's command. */
    static final List<String> COMMAND = List.of("/bin/sh", "{{tmpdir}}/" + SCRIPT_NAME);
    /** The environment variable holding a bulk task's index. */
    static final String INDEX_VARIABLE = "FLUX_JOB_CC";
    /** Mode of the script file: a regular file, read-write for its owner (what flux submit gives it). */
    static final int SCRIPT_MODE = 0100600;
    /** Writes jobspecs as ASCII, so that no locale or transport can change a byte of them. */
    static final ObjectMapper WRITER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private FluxJobspec() {
    }

    /**
     * The jobspec every task starts from, built by the driver.
     *
     * @param r the request
     * @param environment the job's environment (what {@code flux submit} would copy from its own)
     * @return the jobspec, without the per-task values
     */
    static ObjectNode base(FluxJobRequest r, Map<String, String> environment) {
        ObjectNode spec = WRITER.createObjectNode();
        ArrayNode children = WRITER.createArrayNode();
        children.add(resource("core", r.coresPerTask()));
        if (r.gpusPerTask() != null && r.gpusPerTask() != 0) children.add(resource("gpu", r.gpusPerTask()));
        ObjectNode count = WRITER.createObjectNode();
        ObjectNode top;
        if (r.nodes() != null) {
            long slots = (r.ntasks() + r.nodes() - 1) / r.nodes();
            if (r.ntasks() % r.nodes() != 0) count.put("total", r.ntasks());
            else count.put("per_slot", 1);
            ObjectNode slot = slot(slots, children);
            top = resource("node", r.nodes());
            if (r.exclusive()) top.put("exclusive", true);
            top.putArray("with").add(slot);
        } else {
            count.put("per_slot", 1);
            top = slot(r.ntasks(), children);
        }
        spec.putArray("resources").add(top);
        ObjectNode task = spec.putArray("tasks").addObject();
        ArrayNode command = task.putArray("command");
        COMMAND.forEach(command::add);
        task.put("slot", "task");
        task.set("count", count);
        ObjectNode system = spec.putObject("attributes").putObject("system");
        if (r.duration() == null) system.put("duration", 0); // as flux submit: an integer when unset, seconds as a float when set
        else system.put("duration", r.duration());
        ObjectNode env = system.putObject("environment");
        environment.forEach(env::put);
        if (!r.rlimits().isEmpty()) {
            ObjectNode rl = shellOptions(system).putObject("rlimit");
            r.rlimits().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rl.put(e.getKey(), e.getValue()));
        }
        if (r.jobName() != null) system.putObject("job").put("name", r.jobName());
        if (r.queue() != null) system.put("queue", r.queue());
        if (r.bank() != null) system.put("bank", r.bank());
        if (r.beginTime() != null || !r.dependencies().isEmpty()) {
            ArrayNode deps = system.putArray("dependencies");
            if (r.beginTime() != null) deps.addObject().put("scheme", "begin-time").put("value", r.beginTime());
            for (String d : r.dependencies()) {
                int colon = d.indexOf(':');
                deps.addObject().put("scheme", d.substring(0, colon)).put("value", d.substring(colon + 1));
            }
        }
        spec.put("version", 1);
        return spec;
    }

    /**
     * One task's jobspec: the base with the script, the task's working directory and paths, its
     * index and the submission's tag.
     *
     * @param base the base jobspec (not changed)
     * @param r the request
     * @param index the task index, 1 for a single job
     * @param bulk whether the task belongs to a bulk job (only then is {@code FLUX_JOB_CC} set)
     * @param tag the submission's tag, or null
     * @return the jobspec
     */
    static ObjectNode task(ObjectNode base, FluxJobRequest r, long index, boolean bulk, String tag) {
        ObjectNode spec = base.deepCopy();
        ObjectNode system = (ObjectNode) spec.path("attributes").path("system");
        system.put("cwd", r.cwdFor(index));
        if (bulk) system.withObjectProperty("environment").put(INDEX_VARIABLE, Long.toString(index));
        String output = FluxJobRequest.forIndex(r.output(), index);
        String error = FluxJobRequest.forIndex(r.error(), index);
        String input = FluxJobRequest.forIndex(r.input(), index);
        if (output != null) io(system, "output", "stdout", output);
        if (error != null) io(system, "output", "stderr", error);
        if (input != null) io(system, "input", "stdin", input);
        ObjectNode file = WRITER.createObjectNode();
        file.put("mode", SCRIPT_MODE).put("data", r.script()).put("encoding", "utf-8");
        system.withObjectProperty("files").set(SCRIPT_NAME, file);
        if (tag != null) {
            ObjectNode user = spec.withObjectProperty("attributes").withObjectProperty("user");
            ObjectNode d = user.putObject("drmaa2j");
            d.put("tag", SubmissionTags.label(tag));
            if (bulk) d.put("task", index);
        }
        return spec;
    }

    /**
     * @param jobspec a jobspec
     * @return its JSON text, ASCII only
     */
    static String write(JsonNode jobspec) {
        try {
            return WRITER.writeValueAsString(jobspec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a jobspec", e);
        }
    }

    /**
     * @param jobspec a jobspec
     * @return the tag label it carries, or null
     */
    static String tagOf(JsonNode jobspec) {
        JsonNode t = jobspec.path("attributes").path("user").path("drmaa2j").path("tag");
        return t.isTextual() ? t.asText() : null;
    }

    private static void io(ObjectNode system, String kind, String stream, String path) {
        ObjectNode s = shellOptions(system).withObjectProperty(kind).putObject(stream);
        s.put("type", "file").put("path", path);
    }

    private static ObjectNode shellOptions(ObjectNode system) {
        return system.withObjectProperty("shell").withObjectProperty("options");
    }

    private static ObjectNode resource(String type, long count) {
        ObjectNode n = WRITER.createObjectNode();
        n.put("type", type).put("count", count);
        return n;
    }

    private static ObjectNode slot(long count, ArrayNode children) {
        ObjectNode s = resource("slot", count);
        s.set("with", children.deepCopy());
        s.put("label", "task");
        return s;
    }
}
