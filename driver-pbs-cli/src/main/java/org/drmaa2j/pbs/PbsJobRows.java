// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;

/**
 * Turns one job's attributes (as {@link LenientJson#flatten}, {@link PbsTextRecords} and
 * {@link TorqueXml} give them: {@code job_state}, {@code Exit_status}, {@code Resource_List.ncpus}
 * …) into a {@link JobInfo}. Attribute names are matched without regard to case, since Torque
 * writes {@code exit_status} where PBS Pro writes {@code Exit_status}.
 */
final class PbsJobRows {
    /** Every attribute {@link #toJobInfo} reads, and the submission tag the tag lookup reads from the same records. */
    static final NamedAttributes.Names NAMES = new NamedAttributes.Names(List.of("job_state", "Exit_status", "Priority",
            "qtime", "ctime", "mtime", "stime", "start_time", "obittime", "comp_time", "exec_host", "Job_Name", "queue",
            "Job_Owner", "Submit_Host", "comment", "Resource_List.ncpus", "Resource_List.nodes", "resources_used.cput",
            "resources_used.walltime", "Hold_Types", FlatJsonRecords.TAG_KEY));
    /** Every attribute {@link #toJobInfo} reads; a JSON reader may leave all others out. */
    static final Set<String> ATTRIBUTES = Set.copyOf(NAMES.list());
    private static final Pattern PPN = Pattern.compile("(\\d+)(?::ppn=(\\d+))?");

    private PbsJobRows() {
    }

    /**
     * @param jobId the job id the record was printed under
     * @param attrs its attributes
     * @param dialect which scheduler printed it (Slurm's wrappers put start and end into mtime and ctime)
     * @param zone the zone of text times
     * @return the job's information
     */
    static JobInfo toJobInfo(String jobId, Map<String, String> attrs, PbsDialect dialect, ZoneId zone) {
        Attrs a = new Attrs(attrs);
        String letter = a.get(Attrs.JOB_STATE);
        PbsExitStatus exit = PbsExitStatus.decode(a.get(Attrs.EXIT_STATUS));
        JobState state = PbsStates.map(letter, exit);
        if (dialect == PbsDialect.SLURM_WRAPPERS && "U".equals(letter == null ? null : letter.trim())) {
            state = JobState.UNDETERMINED; // the wrapper's U is any Slurm state it does not know, not PBS's suspended
        }
        if (dialect == PbsDialect.SLURM_WRAPPERS && state == JobState.QUEUED && "0".equals(a.get(Attrs.PRIORITY))) {
            state = JobState.QUEUED_HELD; // the wrapper shows a held job as Q; Slurm holds a job by priority 0
        }
        String holds = a.get(Attrs.HOLD_TYPES);
        if (dialect != PbsDialect.SLURM_WRAPPERS && state == JobState.QUEUED && holds != null && !holds.equals("n")) {
            state = JobState.QUEUED_HELD; // OpenPBS shows the queued subjobs of a held array as Q with the array's Hold_Types
        }
        Duration used = PbsTimes.duration(a.get(Attrs.WALLTIME));
        Instant submit;
        Instant start;
        Instant end;
        if (dialect == PbsDialect.SLURM_WRAPPERS) {
            submit = PbsTimes.parse(a.get(Attrs.QTIME), zone);
            // Slurm sets a start time on a job cancelled while pending too; only one with hosts ran
            start = a.get(Attrs.EXEC_HOST) == null ? null : PbsTimes.parse(a.get(Attrs.MTIME), zone);
            end = PbsTimes.parse(a.get(Attrs.CTIME), zone);
        } else {
            submit = PbsTimes.parse(first(a.get(Attrs.QTIME), a.get(Attrs.CTIME)), zone);
            start = PbsTimes.parse(first(a.get(Attrs.STIME), a.get(Attrs.START_TIME)), zone);
            if (start == null && state == JobState.RUNNING) {
                // OpenPBS shows R (substate 41, "sent for execution") before the node reports the job's
                // stime: it was dispatched when it was sent, its mtime
                start = PbsTimes.parse(a.get(Attrs.MTIME), zone);
            }
            end = end(start, used,
                    PbsTimes.parse(first(a.get(Attrs.OBITTIME), a.get(Attrs.COMP_TIME)), zone));
        }
        if (!state.hasStarted()) start = null;
        if (!state.isTerminal()) end = null;
        Duration wall = used;
        if (wall == null && start != null && end != null) wall = Duration.between(start, end);
        JobInfo.Builder b = JobInfo.builder()
                .jobId(jobId)
                .jobName(a.get(Attrs.JOB_NAME))
                .jobState(state)
                .jobSubState(letter == null ? null : letter.trim())
                .queueName(a.get(Attrs.QUEUE))
                .jobOwner(user(a.get(Attrs.JOB_OWNER)))
                .submissionMachine(a.get(Attrs.SUBMIT_HOST))
                .slots(slots(a))
                .allocatedMachines(state.hasStarted() ? hosts(a.get(Attrs.EXEC_HOST)) : List.of())
                .submissionTime(submit)
                .dispatchTime(start)
                .finishTime(end)
                .wallclockTime(wall)
                .cpuTime(PbsTimes.duration(a.get(Attrs.CPUT)));
        String annotation = a.get(Attrs.COMMENT);
        if (state.isTerminal() && exit != null) {
            b.exitStatus(exit.exitStatus()).terminatingSignal(exit.signal());
            if (exit.annotation() != null) annotation = exit.annotation();
        }
        if (state.isTerminal() && exit == null && annotation == null) annotation = "ended without an exit status";
        return b.annotation(annotation).build();
    }

    /**
     * When a job ended. PBS's {@code obittime} (Torque's {@code comp_time}) is when the server
     * processed the end, seconds after it on a busy server (seen on OpenPBS 23.06: a {@code %1}
     * array task's obittime after the next task's stime); the start plus the wall time used is the
     * end as the job's machine saw it, and never later than the server's record.
     *
     * @param start the start, or null
     * @param used the wall time used, or null
     * @param recorded when the server recorded the end, or null
     * @return the end, or null when unknown
     */
    static Instant end(Instant start, Duration used, Instant recorded) {
        if (start == null || used == null) return recorded;
        Instant end = start.plus(used);
        return recorded != null && recorded.isBefore(end) ? recorded : end;
    }

    /**
     * @param execHost {@code host/0*2+host2/1} (PBS Pro) or {@code r13n30/11+r13n30/10} (Torque)
     * @return the distinct host names, in order
     */
    static List<String> hosts(String execHost) {
        if (execHost == null || execHost.isBlank() || execHost.equals("--")) return List.of();
        if (execHost.indexOf('+') < 0) {
            // one chunk, the common case: as the loop below reads it
            String h = execHost.trim();
            int slash = h.indexOf('/');
            if (slash >= 0) h = h.substring(0, slash);
            return h.isEmpty() ? List.of() : List.of(h);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : execHost.split("\\+")) {
            String h = part.trim();
            int slash = h.indexOf('/');
            if (slash >= 0) h = h.substring(0, slash);
            if (!h.isEmpty()) out.add(h);
        }
        return new ArrayList<>(out);
    }

    private static Long slots(Attrs a) {
        String ncpus = a.get(Attrs.NCPUS);
        if (ncpus != null && allDigits(ncpus)) return Long.valueOf(ncpus);
        String nodes = a.get(Attrs.NODES);
        if (nodes != null) {
            long total = 0;
            for (String part : nodes.split("\\+")) {
                Matcher m = PPN.matcher(part.trim());
                if (!m.lookingAt()) return null;
                total += Long.parseLong(m.group(1)) * (m.group(2) == null ? 1 : Long.parseLong(m.group(2)));
            }
            return total == 0 ? null : total;
        }
        return null;
    }

    /** @return true when the text is one or more digits, as the regular expression {@code \\d+} matches them */
    private static boolean allDigits(String t) {
        if (t.isEmpty()) return false;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        }
        return true;
    }

    private static String user(String owner) {
        if (owner == null) return null;
        int at = owner.indexOf('@');
        return at > 0 ? owner.substring(0, at) : owner;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /**
     * Attribute lookup without regard to case: the name as written first, else the first attribute
     * whose name differs only in case (Torque writes {@code exit_status} where PBS Pro writes
     * {@code Exit_status}); blank values count as absent. Attributes are asked for by their index in
     * {@link #NAMES}, so that a reader that keeps only {@link #ATTRIBUTES} never hides one. Each name
     * is looked up once; the attributes are searched for another spelling only when the record holds
     * attributes other than those found under their own names (never in what the JSON reader keeps
     * from PBS, which writes every name one way).
     */
    private static final class Attrs {
        static final int JOB_STATE = index("job_state");
        static final int EXIT_STATUS = index("Exit_status");
        static final int PRIORITY = index("Priority");
        static final int QTIME = index("qtime");
        static final int CTIME = index("ctime");
        static final int MTIME = index("mtime");
        static final int STIME = index("stime");
        static final int START_TIME = index("start_time");
        static final int OBITTIME = index("obittime");
        static final int COMP_TIME = index("comp_time");
        static final int EXEC_HOST = index("exec_host");
        static final int JOB_NAME = index("Job_Name");
        static final int QUEUE = index("queue");
        static final int JOB_OWNER = index("Job_Owner");
        static final int SUBMIT_HOST = index("Submit_Host");
        static final int COMMENT = index("comment");
        static final int NCPUS = index("Resource_List.ncpus");
        static final int NODES = index("Resource_List.nodes");
        static final int CPUT = index("resources_used.cput");
        static final int WALLTIME = index("resources_used.walltime");
        static final int HOLD_TYPES = index("Hold_Types");
        private final Map<String, String> attrs;
        private final String[] exact = new String[NAMES.list().size()];
        /** How many attributes are not among those found under their own name. */
        private final int others;

        private static int index(String name) {
            int k = NAMES.slot(name);
            if (k < 0) throw new IllegalStateException(name + " is read but not listed in PbsJobRows.NAMES");
            return k;
        }

        Attrs(Map<String, String> attrs) {
            this.attrs = attrs;
            if (attrs instanceof NamedAttributes n && n.names() == NAMES) {
                for (int k = 0; k < exact.length; k++) exact[k] = n.valueAt(k);
                this.others = n.others();
                return;
            }
            int found = 0;
            for (int k = 0; k < exact.length; k++) {
                String v = attrs.get(NAMES.list().get(k));
                if (v != null) {
                    exact[k] = v;
                    found++;
                }
            }
            this.others = attrs.size() - found;
        }

        String get(int index) {
            String v = exact[index];
            if (v == null && others > 0) {
                String key = NAMES.list().get(index);
                for (Map.Entry<String, String> e : attrs.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(key)) {
                        v = e.getValue();
                        break;
                    }
                }
            }
            return v == null || v.isBlank() ? null : v.trim();
        }
    }
}
