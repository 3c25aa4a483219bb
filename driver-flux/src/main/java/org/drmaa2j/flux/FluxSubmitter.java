// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;

/**
 * The commands that hand jobspecs to Flux (run by the backend). One job, where no co-process
 * submitter runs ({@link FluxCoSubmitter}): ONE {@code flux job submit --urgency=N} with the jobspec on
 * standard input (a C program: no Python start-up per job). A bulk job: ONE
 * {@code flux python -c SCRIPT} that submits every task's jobspec through one connection without
 * waiting for one answer before sending the next (the script is fixed text, {@code submit.py};
 * the jobspecs are its standard input). With native options, {@code flux submit --dry-run} builds
 * the jobspec the driver then completes. Jobs get the environment of the place the driver's
 * commands run ({@code env -0}, asked once), as {@code flux submit} copies its own.
 */
final class FluxSubmitter {
    static final String SUBMIT_SCRIPT = resource("submit.py");
    /** What a bulk submission may take beyond the usual command time-out, per task. */
    private static final Duration PER_TASK = Duration.ofMillis(50);

    private final CliCommands flux;
    private volatile Map<String, String> environment;

    FluxSubmitter(CliCommands flux) {
        this.flux = flux;
    }

    /**
     * @return the environment where the driver's commands run (read once): what a job gets, as
     *     {@code flux submit} gives a job its own environment
     * @throws DrmCommunicationException when it cannot be read
     */
    Map<String, String> environment() {
        Map<String, String> e = environment;
        if (e == null) {
            CommandResult r = flux.runner().run(Command.of("env", "-0"));
            if (!r.succeeded()) throw new DrmCommunicationException("cannot read the environment for Flux jobs: " + r.describeFailure());
            environment = e = parseEnvironment(r.stdout());
        }
        return e;
    }

    /** @return the flux commands */
    CliCommands flux() {
        return flux;
    }

    /**
     * @param nulSeparated what {@code env -0} printed
     * @return the variables, in order
     */
    static Map<String, String> parseEnvironment(String nulSeparated) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : nulSeparated.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) out.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return out;
    }

    /**
     * @param jobspec the jobspec of one job
     * @param urgency 0 (held) to 31
     * @return ONE {@code flux job submit} with the jobspec on standard input; never retried automatically
     */
    Command submitOne(JsonNode jobspec, int urgency) {
        return flux.command("job", "submit", "--urgency=" + urgency).withStdin(FluxJobspec.write(jobspec)).notRetryable();
    }

    /**
     * @param r the result of {@link #submitOne}
     * @return the job id it printed
     * @throws DeniedByDrmsException with Flux's words when Flux refused the job or printed no id
     */
    static String submittedId(CommandResult r) {
        if (!r.succeeded()) throw new DeniedByDrmsException(r.describeFailure());
        return oneId(r.stdout()).orElseThrow(() -> new DeniedByDrmsException("flux job submit printed no job id: " + r.stdout().strip()));
    }

    /**
     * @param stdout what {@code flux job submit} printed
     * @return the one job id in it, if it printed exactly one
     */
    static Optional<String> oneId(String stdout) {
        List<String> ids = FluxIds.submitted(stdout);
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /**
     * The outcome of a bulk submission.
     *
     * @param ids the id of each task, in order; null where that task was refused
     * @param result the command's result
     */
    record Bulk(List<String> ids, CommandResult result) {
        /** @return true when every task was accepted */
        boolean complete() {
            return result.succeeded() && !ids.isEmpty() && ids.stream().allMatch(java.util.Objects::nonNull);
        }

        /** @return the ids of the tasks Flux accepted */
        List<String> accepted() {
            return ids.stream().filter(java.util.Objects::nonNull).toList();
        }
    }

    /**
     * @param jobspecs the jobspecs, in order
     * @param urgency the urgency of each
     * @return ONE {@code flux python} that submits them all ({@code submit.py}); never retried automatically
     */
    Command submitAll(List<? extends JsonNode> jobspecs, int urgency) {
        StringBuilder in = new StringBuilder();
        for (JsonNode j : jobspecs) in.append(urgency).append(' ').append(FluxJobspec.write(j)).append('\n');
        return flux.command("python", "-c", SUBMIT_SCRIPT).withStdin(in.toString())
                .withTimeout(Command.DEFAULT_TIMEOUT.plus(PER_TASK.multipliedBy(jobspecs.size()))).notRetryable();
    }

    /**
     * @param r the result of {@link #submitAll}
     * @return what Flux accepted
     */
    static Bulk bulk(CommandResult r) {
        return new Bulk(bulkIds(r.stdout()), r);
    }

    /**
     * @param stdout what {@code submit.py} printed
     * @return the id of each line, null for a refused one
     */
    static List<String> bulkIds(String stdout) {
        List<String> ids = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (l.equals("-")) {
                ids.add(null);
                continue;
            }
            try {
                ids.add(FluxIds.toF58(Long.parseLong(l)));
            } catch (NumberFormatException e) {
                // not one of the script's lines (a warning of the Python runtime): ignored
            }
        }
        return ids;
    }

    /**
     * Builds a jobspec with {@code flux submit --dry-run}, for requests with native options.
     *
     * @param argv the {@code flux submit} command with {@code --dry-run}
     * @return the jobspec
     * @throws DeniedByDrmsException with Flux's words when flux submit refuses the options
     */
    ObjectNode dryRun(Command argv) {
        CommandResult r = flux.run(argv);
        if (!r.succeeded()) throw new DeniedByDrmsException(r.describeFailure());
        JsonNode n = FluxJobRecords.parseRecord(r.stdout().strip());
        if (!n.isObject() || !n.has("resources")) throw new DeniedByDrmsException("flux submit --dry-run printed no jobspec: " + r.stdout().strip());
        return (ObjectNode) n;
    }

    /** @return a text resource of this package */
    static String resource(String name) {
        try (InputStream in = FluxSubmitter.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
