// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.SlurmCommentTags;
import org.drmaa2j.spi.cli.CommandErrors;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.store.WantedTags;
import org.drmaa2j.spi.store.SubmissionTags;

/**
 * Finds submissions by their tag, in the field the job keeps in the scheduler's history:
 * <ul>
 *   <li>OpenPBS/PBS Pro: the job variable {@value PbsSubmitCommand#TAG_VARIABLE} of its
 *       {@code Variable_List}. {@code qselect -x -u USER -t q.ge.TIME} lists the user's jobs,
 *       finished ones included (job history), queued since ten minutes before the oldest intent;
 *       then one {@code qstat -f -F json -x -t} for those ids (in chunks) shows their variables;</li>
 *   <li>Torque: the same variable, from {@code qstat -x -t} of every job (Torque keeps finished
 *       jobs for {@code keep_completed} only);</li>
 *   <li>Slurm's wrappers: the Slurm job comment, through Slurm's own {@code squeue} and
 *       {@code sacct} ({@link SlurmCommentTags}).</li>
 * </ul>
 */
final class PbsTagLookup {
    private static final DateTimeFormatter QSELECT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final Duration MARGIN = Duration.ofMinutes(10);

    private final CommandRunner runner;
    private final PbsDialect dialect;
    private final ZoneId zone;
    private final PbsStatusQuery status;
    private volatile String user;

    PbsTagLookup(CommandRunner runner, PbsDialect dialect, ZoneId zone, PbsStatusQuery status) {
        this.runner = runner;
        this.dialect = dialect;
        this.zone = zone;
        this.status = status;
    }

    /**
     * @param intents the submissions to look for
     * @return the id qsub printed (an array's {@code N[]…} id, a bare Slurm number under the wrappers) of each tag found
     * @throws DrmCommunicationException when the scheduler cannot be asked
     */
    Map<String, String> find(Collection<SubmissionIntent> intents) {
        if (intents.isEmpty()) return Map.of();
        if (dialect == PbsDialect.SLURM_WRAPPERS) return new SlurmCommentTags(runner).find(intents);
        WantedTags query = WantedTags.of(intents);
        Set<String> wanted = query.tags();
        List<String> ids = List.of();
        if (dialect == PbsDialect.PBSPRO) {
            ids = qselect(query.oldest().minus(MARGIN));
            if (ids.isEmpty()) return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        status.records(ids).forEach((id, attrs) -> tagOf(attrs).filter(wanted::contains).ifPresent(tag -> {
            String array = QsubOutput.arrayOf(id);
            found.putIfAbsent(tag, array != null ? array : id);
        }));
        return found;
    }

    private List<String> qselect(Instant since) {
        if (user == null) user = CliRunners.userName(runner);
        String out = CommandErrors.output(runner.run(Command.of("qselect", "-x", "-u", user, "-t", "q.ge." + QSELECT_TIME.format(since.atZone(zone)))));
        List<String> ids = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) ids.add(line.strip());
        }
        return ids;
    }

    /**
     * @param attrs a job's attributes as the status query reads them
     * @return the submission tag of its {@value PbsSubmitCommand#TAG_VARIABLE} variable, if any
     */
    static Optional<String> tagOf(Map<String, String> attrs) {
        String label = attrs.get("Variable_List." + PbsSubmitCommand.TAG_VARIABLE);
        String list = attrs.get("Variable_List");
        if (label == null && list != null) {
            String key = PbsSubmitCommand.TAG_VARIABLE + "=";
            int at = list.startsWith(key) ? 0 : list.indexOf("," + key);
            if (at >= 0) {
                int from = at == 0 ? key.length() : at + 1 + key.length();
                int comma = list.indexOf(',', from);
                label = list.substring(from, comma < 0 ? list.length() : comma);
            }
        }
        return SubmissionTags.fromLabel(label);
    }
}
