// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.InternalException;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SessionStore;
import org.drmaa2j.spi.store.SubmissionIntent;
import org.drmaa2j.spi.util.DriverSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves, when a session is reopened, the submissions a dead process recorded as intents but
 * not as jobs. Each intent's tag is looked up at the scheduler
 * ({@link DriverBackend#findSubmittedByTags}): found, the job ids are recorded and the jobs join
 * the session; not found, the intent stays pending until its grace period (property
 * {@value #GRACE_MS}, default 60 s from when the intent was recorded) has passed, because a
 * submission command the dead process started may still be at work, and is looked up again every
 * second; once the grace period is over it is dropped as never submitted. Reopening therefore
 * returns only when every intent is resolved, at most one grace period later. A backend whose
 * submissions cannot outlive their process ({@link DriverBackend#submitsInProcess()}) has no grace
 * period for an intent whose submitting process is provably gone. A backend that cannot look tags up
 * leaves the intents pending, and each reopen warns about them.
 */
final class SubmissionReconciler {
    /** Driver property: the grace period of an unresolved submission intent, in milliseconds. */
    static final String GRACE_MS = "drmaa2j.reconcile.graceMillis";
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionReconciler.class);
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final SessionStore store;
    private final DriverBackend backend;
    private final Duration grace;

    SubmissionReconciler(SessionStore store, DriverBackend backend, DriverSettings settings) {
        this.store = store;
        this.backend = backend;
        this.grace = settings.millis(GRACE_MS, Duration.ofSeconds(60));
    }

    /**
     * @param session the session being reopened
     * @return how many intents were found at the scheduler and recorded as jobs
     * @throws org.drmaa2j.DrmCommunicationException when the scheduler cannot be asked
     */
    int reconcile(String session) {
        List<SubmissionIntent> pending = store.pendingIntents(session);
        if (pending.isEmpty()) return 0;
        LOG.info("session '{}': {} submission(s) of unknown outcome, looking for their tags", session, pending.size());
        int found = 0;
        while (true) {
            Optional<Map<String, BulkSubmitted>> answer = backend.findSubmittedByTags(pending);
            if (answer.isEmpty()) {
                LOG.warn("session '{}': {} submission(s) may or may not have reached {}, which cannot look them up; "
                        + "they stay pending", session, pending.size(), backend.drmsName());
                return found;
            }
            List<SubmissionIntent> still = new ArrayList<>();
            Instant now = Instant.now();
            Instant nextDeadline = null;
            for (SubmissionIntent i : pending) {
                BulkSubmitted b = answer.get().get(i.tag());
                if (b != null) {
                    store.recordSubmitted(i.tag(), records(session, i, b));
                    found++;
                    LOG.info("session '{}': submission {} was accepted as job {}", session, i.tag(), b.arrayId());
                } else if (submitterGone(i)) {
                    store.dropIntent(session, i.tag(), "not found, and the process that made it is gone");
                    LOG.info("session '{}': submission {} never reached the scheduler (its process is gone); dropped", session, i.tag());
                } else if (!now.isBefore(i.recordedAt().plus(grace))) {
                    store.dropIntent(session, i.tag(), "not found at the scheduler within " + grace);
                    LOG.info("session '{}': submission {} never reached the scheduler; dropped", session, i.tag());
                } else {
                    still.add(i);
                    Instant d = i.recordedAt().plus(grace);
                    if (nextDeadline == null || d.isBefore(nextDeadline)) nextDeadline = d;
                }
            }
            if (still.isEmpty()) return found;
            pending = still;
            long pause = Math.min(RECHECK.toMillis(), Math.max(1, Duration.between(now, nextDeadline).toMillis()));
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InternalException("interrupted while resolving submissions of session '" + session + "'", e);
            }
        }
    }

    private boolean submitterGone(SubmissionIntent i) {
        return backend.submitsInProcess() && i.submitter() != null && i.submitter().isGone();
    }

    private static List<JobRecord> records(String session, SubmissionIntent i, BulkSubmitted b) {
        List<JobRecord> recs = new ArrayList<>();
        if (i.range() == null) {
            Submitted s = b.tasks().get(0);
            recs.add(new JobRecord(s.jobId(), session, null, 1, i.template(), s.info(), s.driverData()));
            return recs;
        }
        List<Long> indices = i.range().indices();
        for (int k = 0; k < b.tasks().size(); k++) {
            Submitted s = b.tasks().get(k);
            long index = k < indices.size() ? indices.get(k) : i.range().begin() + k;
            recs.add(new JobRecord(s.jobId(), session, b.arrayId(), index, i.template(), s.info(), s.driverData()));
        }
        return recs;
    }
}
