// SPDX-License-Identifier: Apache-2.0
/**
 * The DRMAA2 session semantics written once for all drivers, on top of a
 * {@link org.drmaa2j.spi.backend.DriverBackend}: {@link org.drmaa2j.spi.session.GenericSessionManager}
 * (what a provider returns), the job session, job, job array and monitoring session
 * implementations, the {@link org.drmaa2j.spi.session.StateBoard} waits block on, and the
 * {@link org.drmaa2j.spi.session.BatchedPoller}.
 *
 * <p>Properties read (from the provider's properties, else system properties):
 * {@code drmaa2j.stateDir} (session store root, default {@code ~/.drmaa2j/<driver>}),
 * {@code drmaa2j.poll.fastMillis} and {@code drmaa2j.poll.slowMillis} (poll intervals; a backend
 * may suggest its own defaults), {@code drmaa2j.reconcile.graceMillis} (how long reopening a
 * session waits for a submission of unknown outcome to appear at the scheduler, default 60 s; see
 * the store's durability guarantees in {@link org.drmaa2j.spi.store}).
 *
 * <p>When the scheduler does not answer, calls that need it (submission, a state read that needs
 * a fresh status, control) throw {@code DrmCommunicationException} once the command runner's retry
 * budget is spent ({@code drmaa2j.retry.*}); a failed status tick changes no job's state, so waits
 * simply go on and end correctly once the scheduler is back. Callers that need a status while a
 * tick runs share that tick's outcome.
 */
package org.drmaa2j.spi.session;
