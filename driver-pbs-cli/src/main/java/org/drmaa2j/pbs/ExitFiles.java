// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.CompletionMarker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exit-status files the job script writes on the cluster (in the {@link CompletionMarker}
 * format, named by job id) before it ends. They give exit codes where qstat has none: Torque after
 * {@code keep_completed} has passed, and Slurm's wrappers, whose {@code qstat -f} never shows one.
 * Read with ONE command for many jobs; the script is fixed text, the directory and the file names
 * are its arguments. A file that is missing, or removed while the command runs (a session reaping
 * its job deletes the file while another session's poll reads it), is skipped: the others are
 * still read. Where the status command shows a job only under another id (Slurm's wrappers
 * show an array task under its own Slurm job number), the script also leaves {@code ID.start} when
 * the job starts, holding {@code job=} that id and {@code start=} the time.
 */
final class ExitFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ExitFiles.class);
    static final String READ_SCRIPT = "d=$1; shift; for id do if c=$(cat -- \"$d/$id\" 2>/dev/null); then printf '==%s\\n%s\\n' \"$id\" \"$c\"; fi; done";

    static final String START_SUFFIX = ".start";

    private final CommandRunner runner;
    private final String directory;

    /**
     * @param exits the exit markers found, by job id
     * @param schedulerIds the scheduler's own ids that start files name, by job id
     */
    record Found(Map<String, CompletionMarker> exits, Map<String, String> schedulerIds) {
    }

    /**
     * @param runner where the cluster's commands run
     * @param directory the directory on the cluster, or null when the driver writes no exit files
     */
    ExitFiles(CommandRunner runner, String directory) {
        this.runner = runner;
        this.directory = directory;
    }

    /** @return the directory, or null */
    String directory() {
        return directory;
    }

    /**
     * @param jobIds the jobs
     * @return the markers found, by job id
     */
    Map<String, CompletionMarker> read(Collection<String> jobIds) {
        return read(jobIds, List.of()).exits();
    }

    /**
     * @param exitIds the jobs whose exit files to read
     * @param startIds the jobs whose start files to read
     * @return what was found, read with one command
     */
    Found read(Collection<String> exitIds, Collection<String> startIds) {
        if (directory == null || exitIds.isEmpty() && startIds.isEmpty()) return new Found(Map.of(), Map.of());
        List<String> argv = new ArrayList<>(List.of("sh", "-c", READ_SCRIPT, "sh", directory));
        argv.addAll(exitIds);
        for (String id : startIds) argv.add(id + START_SUFFIX);
        CommandResult r = runner.run(Command.of(argv));
        if (!r.succeeded()) {
            LOG.warn("cannot read exit files: {}", r.describeFailure());
            return new Found(Map.of(), Map.of());
        }
        return found(r.stdout());
    }

    /**
     * @param text what the read script printed
     * @return the exit markers and the scheduler ids of the start files
     */
    static Found found(String text) {
        Map<String, CompletionMarker> exits = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        files(text).forEach((name, body) -> {
            if (name.endsWith(START_SUFFIX)) {
                for (String line : body.split("\n")) {
                    if (line.startsWith("job=") && line.length() > 4) ids.put(name.substring(0, name.length() - START_SUFFIX.length()), line.substring(4).trim());
                }
            } else {
                exits.put(name, CompletionMarker.parse(body));
            }
        });
        return new Found(exits, ids);
    }

    /**
     * @param text what the read script printed: {@code ==ID} lines, each followed by a marker
     * @return the markers by job id
     */
    static Map<String, CompletionMarker> parse(String text) {
        return found(text).exits();
    }

    private static Map<String, String> files(String text) {
        Map<String, String> out = new HashMap<>();
        String id = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text + "\n==").split("\n")) {
            if (line.startsWith("==")) {
                if (id != null) out.put(id, body.toString());
                id = line.length() > 2 ? line.substring(2) : null;
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        return out;
    }

    /** @param jobId a reaped job whose file is no longer needed */
    void delete(String jobId) {
        if (directory == null) return;
        CommandResult r = runner.run(Command.of("rm", "-f", "--", directory + "/" + jobId, directory + "/" + jobId + START_SUFFIX));
        if (!r.succeeded()) LOG.debug("cannot remove the exit file of {}: {}", jobId, r.describeFailure());
    }
}
