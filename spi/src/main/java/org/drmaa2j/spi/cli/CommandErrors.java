// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.CommandResult;

/**
 * What a scheduler command's result means, the same for every driver: success; a failure that
 * only says the job is already gone (ended, cleaned or unknown), which a terminate accepts; or an
 * error, thrown with the scheduler's own words and exit code. Each driver gives its scheduler's
 * "already gone" phrases as data.
 */
public final class CommandErrors {
    /** For schedulers whose commands have no "already gone" answer. */
    public static final CommandErrors NONE = new CommandErrors(List.of(), false);

    private final List<String> gone;
    private final boolean everyLine;

    private CommandErrors(List<String> gone, boolean everyLine) {
        this.gone = gone;
        this.everyLine = everyLine;
    }

    /**
     * @param phrases what the scheduler says of a job that has ended or that it no longer knows,
     *     matched ignoring case anywhere in standard error or output
     * @return the mapping
     */
    public static CommandErrors alreadyGoneWhen(String... phrases) {
        return new CommandErrors(lower(phrases), false);
    }

    /**
     * @param phrases as for {@link #alreadyGoneWhen}, but every line of standard error must hold one
     *     (a command about several jobs that complains about each)
     * @return the mapping
     */
    public static CommandErrors alreadyGoneWhenEveryLine(String... phrases) {
        return new CommandErrors(lower(phrases), true);
    }

    /**
     * @param r a result
     * @return true when it failed only because the job is already gone
     */
    public boolean isAlreadyGone(CommandResult r) {
        if (r.succeeded()) return false;
        if (!everyLine) return mentions(r, gone);
        String err = r.stderr().strip();
        if (err.isEmpty()) return false;
        for (String line : err.split("\r?\n")) {
            if (!mentions(line, gone)) return false;
        }
        return true;
    }

    /**
     * For terminate: an already-gone job is not an error.
     *
     * @param r a result
     * @throws DeniedByDrmsException with the scheduler's words unless it succeeded or the job is already gone
     */
    public void requireOrGone(CommandResult r) {
        if (!r.succeeded() && !isAlreadyGone(r)) require(r);
    }

    /**
     * @param r the result of a command that changes something (hold, release, suspend, …)
     * @throws DeniedByDrmsException with the scheduler's words and exit code when it failed
     */
    public static void require(CommandResult r) {
        if (!r.succeeded()) throw new DeniedByDrmsException(r.describeFailure());
    }

    /**
     * @param r the result of a query
     * @return its standard output
     * @throws DrmCommunicationException with the scheduler's words and exit code when it failed
     */
    public static String output(CommandResult r) {
        if (!r.succeeded()) throw new DrmCommunicationException(r.describeFailure());
        return r.stdout();
    }

    /**
     * @param r a result
     * @param phrases phrases to look for, lower case
     * @return true when standard error or output holds one of them, ignoring case
     */
    public static boolean mentions(CommandResult r, List<String> phrases) {
        return mentions(r.stderr() + "\n" + r.stdout(), phrases);
    }

    private static boolean mentions(String text, List<String> phrases) {
        String t = text.toLowerCase(Locale.ROOT);
        for (String p : phrases) {
            if (t.contains(p)) return true;
        }
        return false;
    }

    /**
     * @param phrases phrases in any case
     * @return them in lower case, for {@link #mentions}
     */
    public static List<String> lower(String... phrases) {
        List<String> out = new ArrayList<>();
        for (String p : phrases) out.add(p.toLowerCase(Locale.ROOT));
        return List.copyOf(out);
    }
}
