// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.io.PrintWriter;
import org.drmaa2j.Drmaa2Exception;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failure's message (which carries the scheduler's words) to standard error; exit code 1. */
final class ErrorReporter implements IExecutionExceptionHandler {
    /** Exit code of a command that failed. */
    static final int FAILURE = 1;

    private final Drmaa2Cli root;

    ErrorReporter(Drmaa2Cli root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("drmaa2: " + describe(ex));
        if (root.verbose) ex.printStackTrace(err);
        err.flush();
        return FAILURE;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (ex instanceof Drmaa2Exception && message != null) return message;
        return message == null ? ex.getClass().getName() : ex.getClass().getSimpleName() + ": " + message;
    }
}
