// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.cli.CliCommands;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CoProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast path for single jobs: ONE {@code flux python -u -c submitter.py} kept running for the
 * connection's whole life ({@link CoProcess}), fed one {@code URGENCY JOBSPEC} line per job and
 * answering {@code ok ID} or {@code error TEXT}, so a job costs one message to the broker instead
 * of a process start. Offered only where the runner can hold a process open (the local
 * transport); elsewhere, when flux's Python bindings cannot connect, or once the co-process has
 * died, {@link #submit} returns empty and the caller runs one {@code flux job submit} per job
 * (logged once). Every request's fate is known or reported as unknown, never guessed: a request
 * that never reached the co-process whole submitted nothing and falls back; one that reached it
 * but got no answer throws {@link DrmCommunicationException} (the session keeps its intent pending
 * and finds the job by its tag, as for a lost {@code flux job submit}). Requests are serialised.
 */
final class FluxCoSubmitter implements AutoCloseable {
    static final String SCRIPT = FluxSubmitter.resource("submitter.py");
    static final String READY = "ready";
    private static final Logger LOG = LoggerFactory.getLogger(FluxCoSubmitter.class);

    private final CliCommands flux;
    private final Duration timeout;
    private CoProcess co;
    private boolean off;

    /**
     * @param flux the flux commands (and their runner)
     * @param timeout how long the co-process may take to start or to answer one request
     */
    FluxCoSubmitter(CliCommands flux, Duration timeout) {
        this.flux = flux;
        this.timeout = timeout;
    }

    /**
     * @param jobspec the jobspec of one job
     * @param urgency 0 (held) to 31
     * @return the job id, or empty when the fast path is not available (nothing was submitted:
     *     run {@code flux job submit})
     * @throws DeniedByDrmsException with Flux's words when Flux refused the job
     * @throws DrmCommunicationException when the request reached the co-process but no answer
     *     came: whether the job was submitted is unknown
     */
    synchronized Optional<String> submit(JsonNode jobspec, int urgency) {
        CoProcess c = coProcess();
        if (c == null) return Optional.empty();
        String answer;
        try {
            answer = c.request(urgency + " " + FluxJobspec.write(jobspec), timeout);
        } catch (CoProcess.NotDeliveredException e) {
            fallBack("it ended before a request reached it: " + e.getMessage());
            return Optional.empty();
        } catch (CoProcess.NoAnswerException e) {
            fallBack("it gave no answer: " + e.getMessage());
            throw new DrmCommunicationException("the Flux submitter gave no answer, whether the job was submitted is unknown: " + e.getMessage());
        }
        try {
            return Optional.of(id(answer));
        } catch (IllegalStateException e) {
            fallBack(e.getMessage());
            throw new DrmCommunicationException("whether the job was submitted is unknown: " + e.getMessage());
        }
    }

    /** @return true while requests go to a running co-process (false before the first one) */
    synchronized boolean running() {
        return co != null && !off;
    }

    /**
     * @param answer one answer line of {@code submitter.py}
     * @return the job id it names, in F58
     * @throws DeniedByDrmsException with Flux's words for {@code error TEXT}
     * @throws IllegalStateException when the line is not an answer of the protocol
     */
    static String id(String answer) {
        if (answer.startsWith("ok ")) {
            try {
                return FluxIds.toF58(Long.parseLong(answer.substring(3).strip()));
            } catch (NumberFormatException e) {
                // below
            }
        }
        if (answer.startsWith("error ")) throw new DeniedByDrmsException("Flux refused the job: " + answer.substring(6).strip());
        throw new IllegalStateException("the Flux submitter answered what it never says: " + answer);
    }

    private CoProcess coProcess() {
        if (off) return null;
        if (co != null) return co;
        Command start = flux.command("python", "-u", "-c", SCRIPT);
        Optional<CoProcess> started;
        try {
            started = flux.runner().startCoProcess(start);
        } catch (DrmCommunicationException e) {
            fallBack("it cannot start: " + e.getMessage());
            return null;
        }
        if (started.isEmpty()) {
            off = true;
            LOG.debug("{} holds no process open: one flux job submit per job", flux.runner().describe());
            return null;
        }
        co = started.get();
        try {
            String first = co.readLine(timeout);
            if (!READY.equals(first)) {
                fallBack("it said " + first + " instead of " + READY);
                return null;
            }
        } catch (CoProcess.NoAnswerException e) {
            fallBack("it ended before it was ready: " + e.getMessage());
            return null;
        }
        return co;
    }

    /** Turns the fast path off for good, logging why once. */
    private void fallBack(String why) {
        if (!off) LOG.warn("the Flux co-process submitter is off, every job now runs one flux job submit: {}", why);
        off = true;
        if (co != null) co.close();
    }

    @Override
    public synchronized void close() {
        off = true;
        if (co != null) co.close();
    }
}
