// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived helper process spoken to in lines (UTF-8): one request line on its standard input,
 * one answer line on its standard output. A driver keeps one open for a connection's whole life to
 * save a process start per request ({@link CommandRunner#startCoProcess}). A request's fate is
 * always told apart: {@link NotDeliveredException} when its line never reached the process whole
 * (a helper that acts only on whole lines did nothing), {@link NoAnswerException} when it was
 * delivered and no answer came (the outcome is unknown). After either, the process is gone.
 * Requests are serialised: one at a time.
 */
public final class CoProcess implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drmaa2j-coprocess-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final int STDERR_LINES = 5;

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final CountDownLatch stderrDone = new CountDownLatch(1);

    /**
     * @param process a started process whose standard output and input this object now owns; its
     *     standard error is drained and its last lines kept for messages ({@link #stderrTail})
     */
    public CoProcess(Process process) {
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        OutputDrainers.POOL.execute(this::drainStderr);
    }

    /**
     * Reads one line the process printed unasked (such as a greeting once it is ready).
     *
     * @param timeout how long to wait; past it the process is ended
     * @return the line, without its line break
     * @throws NoAnswerException when the process ended or the time-out passed first
     */
    public synchronized String readLine(Duration timeout) throws NoAnswerException {
        return answer(timeout);
    }

    /**
     * @param line the request, without a line break (one is added)
     * @param timeout how long the answer may take; past it the process is ended
     * @return the answer line, without its line break
     * @throws NotDeliveredException when the line could not be handed over whole: the process is
     *     gone and never read it
     * @throws NoAnswerException when it was handed over but no answer came: the outcome is unknown
     * @throws IllegalArgumentException when the line holds a line break
     */
    public synchronized String request(String line, Duration timeout) throws NotDeliveredException, NoAnswerException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) throw new IllegalArgumentException("a request is one line");
        if (!process.isAlive()) throw new NotDeliveredException("the process had ended" + exit());
        try {
            // the line break is the last byte written: if writing fails, the process got no whole line
            in.write(line);
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            process.destroyForcibly();
            throw new NotDeliveredException("cannot hand the request over: " + e.getMessage() + exit());
        }
        return answer(timeout);
    }

    private String answer(Duration timeout) throws NoAnswerException {
        ScheduledFuture<?> kill = WATCHDOG.schedule(process::destroyForcibly, timeout.toMillis(), TimeUnit.MILLISECONDS);
        String a;
        try {
            a = out.readLine();
        } catch (IOException e) {
            a = null;
        } finally {
            kill.cancel(false);
        }
        if (a == null) {
            String why = exit(); // its end, once it has ended (at most a second)
            process.destroyForcibly();
            throw new NoAnswerException("no answer" + why);
        }
        return a;
    }

    /** @return true while the process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the last lines the process wrote to its standard error, joined by "; " */
    public String stderrTail() {
        synchronized (stderrTail) {
            return String.join("; ", stderrTail);
        }
    }

    private String exit() {
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) return "";
            stderrDone.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
        String err = stderrTail();
        return " (exit code " + process.exitValue() + (err.isEmpty() ? "" : ": " + err) + ")";
    }

    private void drainStderr() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = err.readLine()) != null; ) {
                synchronized (stderrTail) {
                    if (l.isBlank()) continue;
                    stderrTail.addLast(l.strip());
                    if (stderrTail.size() > STDERR_LINES) stderrTail.removeFirst();
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            stderrDone.countDown();
        }
    }

    /** Closes its standard input (a helper ends at end of input) and ends it if it has not ended within a second. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The request never reached the process whole: nothing was acted on. */
    public static final class NotDeliveredException extends IOException {
        private static final long serialVersionUID = 1L;

        NotDeliveredException(String message) {
            super(message);
        }
    }

    /** The request reached the process (or it was read unasked) but no answer came: the outcome is unknown. */
    public static final class NoAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        NoAnswerException(String message) {
            super(message);
        }
    }
}
