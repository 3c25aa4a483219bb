// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.QueueInfo;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.Version;
import org.drmaa2j.spi.store.JobRecord;
import org.drmaa2j.spi.store.SubmissionIntent;

/**
 * The scheduler-specific part of a driver, for one connection (one contact string). Everything
 * else — sessions, the state rules, waits, persistence, polling, callbacks — is done once for all
 * drivers by {@link org.drmaa2j.spi.session.GenericSessionManager}. See the package documentation
 * for how a driver plugs in.
 *
 * <p>Rules every implementation follows:
 * <ul>
 *   <li>The generic layer has already checked the session is open, the job is not reaped, the state
 *       allows the action and the capability is supported; a backend need not check again.</li>
 *   <li>User values reach commands only as argv entries, never as shell text.</li>
 *   <li>Errors carry the scheduler's own words: throw {@link org.drmaa2j.DeniedByDrmsException} or
 *       {@link org.drmaa2j.DrmCommunicationException} with its stderr and exit code.</li>
 *   <li>Methods may be called from several threads at once.</li>
 * </ul>
 */
public interface DriverBackend extends AutoCloseable {

    /** @return the scheduler's name, such as {@code Slurm} */
    String drmsName();

    /** @return the scheduler's version */
    Version drmsVersion();

    /** @return the contact string as the backend normalised it */
    String contact();

    /**
     * @return exactly the optional features this backend implements; the generic layer answers
     *         {@link org.drmaa2j.SessionManager#supports} from it and refuses operations outside it
     */
    Set<Capability> capabilities();

    /** @return the job categories the backend understands; empty by default */
    default Set<String> jobCategories() {
        return Set.of();
    }

    /**
     * Checks a template before anything is submitted. Must throw
     * {@link org.drmaa2j.UnsupportedAttributeException} naming the attribute for every set
     * attribute the backend cannot honour, including extension keys it does not know, and
     * {@link org.drmaa2j.InvalidArgumentException} naming the field for values it cannot accept
     * (an unknown queue, for example). {@link TemplateChecks} has helpers.
     *
     * @param template the template
     * @param bulk true when it is about to be submitted as a bulk job
     */
    void checkTemplate(JobTemplate template, boolean bulk);

    /**
     * Submits one job. Either the job is submitted or nothing is, and an exception says why.
     *
     * @param request session, session directory and template
     * @return the accepted job
     */
    Submitted submit(SubmitRequest request);

    /**
     * Submits a bulk job. The range was validated, and {@code maxParallel > 0} only reaches a
     * backend that declares {@link Capability#BULK_JOBS_MAXPARALLEL}.
     *
     * @param request session, session directory and template
     * @param range the indices and the parallelism limit
     * @return the array id and its tasks in index order
     */
    BulkSubmitted submitBulk(SubmitRequest request, BulkRange range);

    /**
     * Carries out a control operation. The generic layer has checked the job's known state allows
     * it (for TERMINATE: that the job has not ended).
     *
     * @param job the job's record
     * @param action what to do
     * @return the job's information right after the action when the backend knows it (the generic
     *         layer publishes it), or null to let the next poll or push tell
     */
    JobInfo control(JobRecord job, JobAction action);

    /**
     * Carries out a control operation on a bulk job as a whole, for a scheduler that controls an
     * array only as a whole (OpenPBS holds and releases an array by its array id, never one task).
     * The generic layer has checked the capability and picked the tasks whose known state allows
     * the action; there is at least one.
     *
     * @param arrayId the array's id
     * @param tasks the records of the tasks the action applies to
     * @param action what to do (never TERMINATE)
     * @return empty to have the generic layer apply the action task by task with {@link #control}
     *         (the default); otherwise the tasks' information right after the action, to publish
     */
    default Optional<List<JobInfo>> controlArray(String arrayId, List<JobRecord> tasks, JobAction action) {
        return Optional.empty();
    }

    /**
     * The batched status query: ONE call for many jobs. The poller calls it once per tick with every
     * live (not terminal) job of the connection; a CLI backend runs one status command for them all
     * (and one accounting command for those that left the queue). Jobs the backend cannot tell about
     * are left out of the result and keep their last known information.
     *
     * @param jobs the jobs to ask about
     * @return information keyed by job id
     */
    Map<String, JobInfo> status(List<JobRecord> jobs);

    /**
     * @return true when the backend {@link StateSink#publish publishes} every state change itself
     *         (as the local driver does); then the generic layer trusts its board and does not ask
     *         {@link #status} before each control operation
     */
    default boolean pushesStateChanges() {
        return false;
    }

    /**
     * @return how often to poll while someone waits; null for the driver settings' value
     */
    default Duration fastPollInterval() {
        return null;
    }

    /**
     * @return how often to poll when nobody waits; null for the driver settings' value
     */
    default Duration slowPollInterval() {
        return null;
    }

    /**
     * Called when a persistent session is reopened (or first seen) by this process, with the jobs
     * the store holds. A backend takes them over: watches their processes or completion markers,
     * starts queued jobs it is responsible for. The default does nothing; polling covers the rest.
     *
     * @param jobs the session's stored jobs, with their last known information
     */
    default void adopt(List<JobRecord> jobs) {
    }

    /**
     * Finds the jobs of submissions whose outcome is unknown: the process recorded the intent (with
     * its unique tag, see {@link SubmitRequest#tag()}) and died before it recorded a job id. Called
     * when such a session is reopened, possibly several times while a grace period runs (a
     * submission command left behind by the dead process may still be at work).
     *
     * <p>The default cannot look anything up and says so with an empty result: the intents then
     * stay pending, neither assumed submitted nor dropped, and each reopen warns about them.
     *
     * @param intents the submissions to look for
     * @return empty when this backend cannot look submissions up by tag; otherwise, for each intent
     *         the scheduler knows, keyed by tag: for a bulk submission the array and its tasks in
     *         index order, for a single job a {@link BulkSubmitted} whose array id is the job's id and
     *         whose only task is the job. Tags the scheduler does not know are left out.
     * @throws org.drmaa2j.DrmCommunicationException when the scheduler cannot be asked
     */
    default Optional<Map<String, BulkSubmitted>> findSubmittedByTags(List<SubmissionIntent> intents) {
        return Optional.empty();
    }

    /**
     * @return true when a submission cannot outlive the process that made it: the backend submits
     *         inside that process (no command, no request, is left at work once it is gone), so a
     *         submission whose process is provably gone and that {@link #findSubmittedByTags} does
     *         not find never happened, and is dropped without waiting for the grace period. False
     *         by default (a CLI backend's submission command may outlive the JVM that started it).
     */
    default boolean submitsInProcess() {
        return false;
    }

    /**
     * Called when a job is reaped or its session destroyed: the backend forgets it.
     *
     * @param job the job's record
     */
    default void forget(JobRecord job) {
    }

    /**
     * @return every queue
     * @throws OperationUnsupportedException unless {@link Capability#MONITORING} is declared
     */
    default List<QueueInfo> queues() {
        throw new OperationUnsupportedException("monitoring is not supported by " + drmsName());
    }

    /**
     * @return every machine
     * @throws OperationUnsupportedException unless {@link Capability#MONITORING} is declared
     */
    default List<MachineInfo> machines() {
        throw new OperationUnsupportedException("monitoring is not supported by " + drmsName());
    }

    /**
     * @return every job the scheduler knows, of every user and session
     * @throws OperationUnsupportedException unless {@link Capability#MONITORING} is declared
     */
    default List<JobInfo> allJobs() {
        throw new OperationUnsupportedException("monitoring is not supported by " + drmsName());
    }

    /**
     * @return the reservation part, present exactly when {@link Capability#ADVANCE_RESERVATION} is declared
     */
    default Optional<ReservationBackend> reservations() {
        return Optional.empty();
    }

    /** Releases threads and connections; jobs keep running on the scheduler. */
    @Override
    void close();
}
