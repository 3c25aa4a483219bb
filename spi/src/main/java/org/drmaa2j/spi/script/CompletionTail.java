// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.drmaa2j.spi.exec.Command;

/**
 * How every job script of a command-line driver ends: {@link #TEXT}, the {@value ScriptModel#COMPLETION}
 * variable of the {@link ScriptModel}. Printed once near the top of the script (after {@code DRMAA2J_INDEX}
 * is set, before anything that may exit), it defines two shell functions, in POSIX sh:
 * <ul>
 *   <li>{@code drmaa2j_run COMMAND ARGS…} runs the job's command as a child of the script (never
 *       {@code exec}ed over it, so that the script outlives it), with the script's standard streams,
 *       and returns its status. A command killed by a signal leaves no "Killed" line of the shell's
 *       in the job's error file.</li>
 *   <li>{@code drmaa2j_end}, run when the script exits for any reason but a signal (an {@code EXIT}
 *       trap), reads the status: 128+N where N is a signal that ends a process (not CHLD, CONT,
 *       STOP, TSTP, TTIN, TTOU, URG or WINCH) means the command was killed by signal N, anything
 *       else is the exit status. It then writes the completion marker, when the submission has one
 *       ({@link #marker}), and ends the script as the command ended: killed by the same signal
 *       (core dumps off), else exiting with the same status. So the scheduler records what it would
 *       have recorded for the command itself.</li>
 *   <li>A signal that a scheduler sends to end a job (HUP, INT, QUIT, TERM, USR1, USR2, ALRM, XCPU:
 *       cancelled, out of time, preempted) reaching the script ends it by that signal, once its
 *       command has ended, without a marker (KILL and STOP cannot be caught and leave none either):
 *       such ends are the scheduler's to report. The command itself gets every signal's default
 *       handling.</li>
 * </ul>
 *
 * <p>The text is the same for every job, so a driver may render a template's script once and submit
 * it many times: its one line {@code DRMAA2J_MARKER=…} holds a placeholder that
 * {@link #applyTo(Command)} replaces, per submission, with where that submission's markers go (or
 * with nothing). The placeholder carries a random word drawn once per process, which no user value
 * can hold by chance; a script submitted without it writes no marker (only an absolute path is one).
 *
 * <p>The marker ({@link org.drmaa2j.spi.store.CompletionMarker}'s format: {@code exit=} and
 * {@code signal=} lines) goes to {@code DIRECTORY/TAG.INDEX.exit}, where INDEX is the task index
 * ({@code DRMAA2J_INDEX}, 1 for a single job), under {@code umask 077}. The shell's own {@code printf}
 * writes it in one write and no process is started for it: at the end of many jobs at once on a busy
 * node, each {@code date} or {@code mv} the tail forked waited for a CPU (a 100-job end on two cores:
 * the marker came 330 ms after the job's end at the median, 630 ms at the 95th percentile). A reader
 * takes a marker without its whole {@code signal=} line as not yet written, and the file's modification
 * time, which the node's clock sets as the shell writes it, as the job's end. Its failures (a directory
 * the node does not see) are silent; the scheduler's answer stands then.
 */
public final class CompletionTail {
    private static final String INDEX_CHECK = "case ${DRMAA2J_INDEX:-1} in *[!0-9]*) DRMAA2J_INDEX=1 ;; esac\n";
    private static final String RUN = """
            # drmaa2j: the job's command runs as the script's child (drmaa2j_run); when the script exits,
            # drmaa2j_end keeps how the command ended and ends the script the same way.
            drmaa2j_run() {
              exec 9>&2 2>/dev/null
              ( exec 2>&9 9>&-; exec "$@" )
              DRMAA2J_STATUS=$?
              exec 2>&9 9>&-
              return "$DRMAA2J_STATUS"
            }
            drmaa2j_end() {
              DRMAA2J_STATUS=$?
              trap - EXIT
              DRMAA2J_EXIT=$DRMAA2J_STATUS
              DRMAA2J_SIGNAL=0
              if [ "$DRMAA2J_STATUS" -gt 128 ] && [ "$DRMAA2J_STATUS" -le 192 ]; then
                case $(kill -l "$DRMAA2J_STATUS" 2>/dev/null) in
                  ''|CHLD|CLD|CONT|STOP|TSTP|TTIN|TTOU|URG|WINCH) ;;
                  *) DRMAA2J_EXIT=; DRMAA2J_SIGNAL=$((DRMAA2J_STATUS - 128)) ;;
                esac
              fi
            """;
    private static final String RAISE = """
              if [ "$DRMAA2J_SIGNAL" != 0 ]; then
                trap - "$DRMAA2J_SIGNAL" 2>/dev/null
                ulimit -c 0 2>/dev/null
                kill -"$DRMAA2J_SIGNAL" $$
              fi
              exit "$DRMAA2J_STATUS"
            }
            """;
    /** A script signalled (by the scheduler: cancelled, out of time, preempted) dies of it, without a marker. */
    private static final String KILLED = """
            drmaa2j_killed() {
              trap - EXIT "$1"
              kill -"$1" $$
            }
            for DRMAA2J_SIG in HUP INT QUIT TERM USR1 USR2 ALRM XCPU; do
              trap "drmaa2j_killed $DRMAA2J_SIG" "$DRMAA2J_SIG" 2>/dev/null
            done
            """;
    private static final String WRITE = """
              case $DRMAA2J_MARKER in /*)
                { umask 077 && printf 'exit=%s\\nsignal=%s\\n' "$DRMAA2J_EXIT" "$DRMAA2J_SIGNAL" >"$DRMAA2J_MARKER.$1.exit"; } 2>/dev/null ;;
              esac
            """;
    /** The line whose value {@link #applyTo} replaces; the random word makes it one no user value holds. */
    private static final String PLACEHOLDER = "DRMAA2J_MARKER=@drmaa2j-marker-" + HexFormat.of().formatHex(randomBytes()) + "@\n";
    /** The script's end, the same for every job: the value of {@value ScriptModel#COMPLETION}. */
    public static final String TEXT = INDEX_CHECK + PLACEHOLDER + RUN + WRITE + RAISE + KILLED + "trap \"drmaa2j_end ${DRMAA2J_INDEX:-1}\" EXIT\n";
    private static final CompletionTail PLAIN = new CompletionTail(null, null);

    private final String directory;
    private final String tag;

    private CompletionTail(String directory, String tag) {
        this.directory = directory;
        this.tag = tag;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** @return a submission's end that writes no marker: the script still ends as its command did */
    public static CompletionTail plain() {
        return PLAIN;
    }

    /**
     * @param directory the marker directory as the job's node names it (absolute); it must exist
     *     there, the script never creates it
     * @param tag the submission's tag (letters, digits, {@code . _ -}): names the markers of its jobs
     * @return a tail that writes {@code directory/tag.INDEX.exit}
     * @throws IllegalArgumentException for a relative directory, one with a line break, or a tag
     *     with other characters
     */
    public static CompletionTail marker(String directory, String tag) {
        if (directory == null || !directory.startsWith("/") || directory.indexOf('\n') >= 0 || directory.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("not an absolute directory a shell word can hold: " + directory);
        }
        if (tag == null || !tag.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("not a tag: " + tag);
        return new CompletionTail(directory, tag);
    }

    /**
     * @param tag a submission's tag
     * @param index a task index, 1 for a single job
     * @return the file name of that job's marker
     */
    public static String fileName(String tag, long index) {
        return tag + "." + index + ".exit";
    }

    /**
     * @param index a task index, 1 for a single job
     * @return the file name of that job's marker
     * @throws IllegalStateException for a tail that writes none
     */
    public String fileName(long index) {
        if (tag == null) throw new IllegalStateException("this tail writes no marker");
        return fileName(tag, index);
    }

    /** @return true when the tail writes a marker */
    public boolean writesMarker() {
        return directory != null;
    }

    /**
     * @param script a job script rendered with {@link #TEXT}, or one that leaves it out
     * @return the script with this submission's marker line, or null when it does not hold {@link #TEXT}
     *     (a site's template that leaves it out: its jobs write no marker)
     */
    public String applyTo(String script) {
        int at = script.indexOf(PLACEHOLDER);
        if (at < 0 || script.indexOf(PLACEHOLDER, at + 1) >= 0) return null;
        String value = directory == null ? "" : ShellQuoting.quote(directory + "/" + tag);
        return script.substring(0, at) + "DRMAA2J_MARKER=" + value + "\n" + script.substring(at + PLACEHOLDER.length());
    }

    /**
     * @param command a submission command whose standard input is the job script
     * @return the command with this submission's marker line in its script, or null when its
     *     script does not hold {@link #TEXT} (then nothing writes a marker)
     */
    public Command applyTo(Command command) {
        if (command.stdin() == null) return null;
        String script = applyTo(new String(command.stdin(), StandardCharsets.UTF_8));
        return script == null ? null : command.withStdin(script);
    }

    @Override
    public String toString() {
        return directory == null ? "no marker" : directory + "/" + tag + ".INDEX.exit";
    }
}
