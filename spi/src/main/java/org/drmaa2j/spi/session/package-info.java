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
 * may suggest its own defaults).
 */
package org.drmaa2j.spi.session;
