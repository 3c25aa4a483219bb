// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error while jobs are waited for, redrawn in place. Off unless
 * asked for or standard output is a terminal, so that scripts and logs see nothing of it.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final int total;
    private String last = "";

    /**
     * @param err standard error
     * @param requested {@code --progress} was given
     * @param total the number of jobs
     */
    Progress(PrintWriter err, boolean requested, int total) {
        this.err = err;
        this.enabled = requested || System.console() != null;
        this.total = total;
    }

    /** Redraws the bar when the counts changed. */
    void update(int ended, int failed) {
        if (!enabled) return;
        String line = render(ended, failed, total);
        if (line.equals(last)) return;
        last = line;
        err.print("\r" + line);
        err.flush();
    }

    /** Ends the bar's line. */
    void finish() {
        if (enabled && !last.isEmpty()) {
            err.println();
            err.flush();
        }
    }

    /** @return the bar for these counts, e.g. {@code [#######.......]  7/14 ended, 1 failed} */
    static String render(int ended, int failed, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) ended * WIDTH / total);
        String width = String.valueOf(total).length() + "";
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%" + width + "d/%d ended", ended, total) + (failed > 0 ? ", " + failed + " failed" : "");
    }
}
