// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognises failures worth retrying from a command's output: the controller could not be reached,
 * a socket timed out, the daemon is busy. Each driver adds its scheduler's phrases to the common
 * ones.
 */
public final class TransientFailures {
    private static final List<String> COMMON = List.of(
            "socket timed out", "connection refused", "connection reset", "temporarily unavailable",
            "try again", "timed out", "unable to contact", "no route to host", "cannot connect to server",
            "not responding");

    private final List<String> phrases;

    private TransientFailures(List<String> phrases) {
        this.phrases = phrases;
    }

    /** @return a recogniser of the common phrases only */
    public static TransientFailures common() {
        return new TransientFailures(COMMON);
    }

    /**
     * @param schedulerPhrases extra phrases, matched case-insensitively in stderr or stdout
     * @return a recogniser of the common phrases and these
     */
    public static TransientFailures withPhrases(String... schedulerPhrases) {
        List<String> all = new ArrayList<>(COMMON);
        for (String p : schedulerPhrases) all.add(p.toLowerCase(Locale.ROOT));
        return new TransientFailures(List.copyOf(all));
    }

    /**
     * @param result a finished command
     * @return true when it failed in a way that may pass if retried
     */
    public boolean isTransient(CommandResult result) {
        if (result.succeeded()) return false;
        String text = (result.stderr() + "\n" + result.stdout()).toLowerCase(Locale.ROOT);
        for (String p : phrases) {
            if (text.contains(p)) return true;
        }
        return false;
    }
}
