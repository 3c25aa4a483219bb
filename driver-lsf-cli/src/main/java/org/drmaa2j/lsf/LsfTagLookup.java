// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.SubmissionTags;

/**
 * Finds submissions by their tag, which bsub was given as the job description
 * ({@code -Jd drmaa2j:TAG}, LSF 10.1). LSF keeps the description with the job and filters on it:
 * {@code bjobs -a -Jd} while mbatchd still holds the job (until {@code CLEAN_PERIOD} after its
 * end), then {@code bhist -a -l -n 0 -Jd}, which reads every event log file (the job's submission
 * event carries the description). One {@code bjobs} per tag, and one {@code bhist} per tag bjobs
 * did not know: reconciliation only looks for the few submissions a crash left unresolved.
 * "Not found" is only concluded from LSF's own words for it; any other failure is a
 * {@link DrmCommunicationException}, so that nothing is dropped because LSF could not answer.
 */
final class LsfTagLookup {
    private static final Pattern JOB_ID_LINE = Pattern.compile("^\\s*(\\d+)(?:\\[\\d+\\])?\\s*$");
    private static final Pattern HISTORY_HEADER = Pattern.compile("(?m)^Job <(\\d+)(?:\\[\\d+\\])?>");

    private final CliCommands commands;

    LsfTagLookup(CliCommands commands) {
        this.commands = commands;
    }

    /**
     * @param intents the submissions looked for
     * @return the job (for an array: the array's) id of each tag LSF knows
     * @throws DrmCommunicationException when LSF cannot be asked
     */
    Map<String, String> find(List<SubmissionIntent> intents) {
        Map<String, String> found = new HashMap<>();
        for (SubmissionIntent i : intents) {
            String label = SubmissionTags.label(i.tag());
            Optional<String> id = fromBjobs(label);
            if (id.isEmpty()) id = fromBhist(label);
            id.ifPresent(v -> found.put(i.tag(), v));
        }
        return found;
    }

    private Optional<String> fromBjobs(String label) {
        CommandResult r = commands.run("bjobs", "-a", "-noheader", "-o", "jobid", "-Jd", label);
        Optional<String> id = firstId(LsfMessages.stripNoise(r.stdout()));
        if (id.isPresent()) return id;
        if (!r.succeeded() && !LsfMessages.onlyHarmless(r.stderr() + "\n" + r.stdout())) {
            throw new DrmCommunicationException(r.describeFailure());
        }
        return Optional.empty();
    }

    private Optional<String> fromBhist(String label) {
        CommandResult r = commands.run("bhist", "-a", "-l", "-n", "0", "-Jd", label);
        Matcher m = HISTORY_HEADER.matcher(LsfMessages.stripNoise(r.stdout()));
        if (m.find()) return Optional.of(m.group(1));
        if (!r.succeeded() && !LsfMessages.onlyHarmless(r.stderr() + "\n" + r.stdout())) {
            throw new DrmCommunicationException(r.describeFailure());
        }
        return Optional.empty();
    }

    /** @return the first job id of {@code bjobs -noheader -o jobid} output */
    static Optional<String> firstId(String text) {
        for (String line : text.split("\r?\n")) {
            Matcher m = JOB_ID_LINE.matcher(line);
            if (m.matches()) return Optional.of(m.group(1));
        }
        return Optional.empty();
    }
}
