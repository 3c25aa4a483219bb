// SPDX-License-Identifier: Apache-2.0
/**
 * The driver contract: what a driver implements so that every DRMAA2 session semantic is shared.
 *
 * <h2>The split</h2>
 * A driver module holds one {@link org.drmaa2j.provider.Drmaa2Provider} and one
 * {@link org.drmaa2j.spi.backend.DriverBackend}. Its provider returns
 * {@code new GenericSessionManager(name, properties, MyBackend::new)}; the generic layer in
 * {@code org.drmaa2j.spi.session} then implements {@code SessionManager}, {@code JobSession},
 * {@code Job}, {@code JobArray} and {@code MonitoringSession} once for all drivers:
 * <ul>
 *   <li>closed sessions throw {@code InvalidSessionException}; reaped jobs
 *       {@code InvalidArgumentException}; reap only on a terminated job;</li>
 *   <li>state rules: suspend needs RUNNING, resume SUSPENDED, hold QUEUED/REQUEUED, release
 *       QUEUED_HELD/REQUEUED_HELD, terminate of an ended job does nothing, otherwise
 *       {@code InvalidStateException};</li>
 *   <li>capabilities: operations and template attributes outside
 *       {@link org.drmaa2j.spi.backend.DriverBackend#capabilities()} are refused
 *       ({@code OperationUnsupportedException}, {@code UnsupportedAttributeException} via
 *       {@link org.drmaa2j.spi.backend.TemplateChecks});</li>
 *   <li>waits block on a condition of the {@code StateBoard} (no spinning), honour
 *       {@code Timeouts.ZERO}, infinite and negative timeouts, never reap;</li>
 *   <li>{@code runBulkJobs} argument checks, {@code getJobs(filter)}, event callbacks;</li>
 *   <li>the persistent {@link org.drmaa2j.spi.store.SessionStore} (one directory per named session,
 *       an append-only journal of its jobs) and reopening sessions in another process, with
 *       crash safety: each submission is recorded with a unique tag before the scheduler is asked,
 *       and reopening finds the jobs of tags whose job id was never recorded;</li>
 *   <li>the {@link org.drmaa2j.spi.session.BatchedPoller}: per connection ONE
 *       {@link org.drmaa2j.spi.backend.DriverBackend#status status} call per tick for all live jobs,
 *       fast (default 500 ms) while someone waits, slow (default 10 s) when idle.</li>
 * </ul>
 *
 * <h2>What a backend does</h2>
 * <ul>
 *   <li>{@code drmsName/drmsVersion/contact/capabilities/jobCategories}: facts about the scheduler.</li>
 *   <li>{@code checkTemplate}: reject, before anything is submitted, every set attribute or value it
 *       cannot honour, naming it (unknown extension keys included:
 *       {@link org.drmaa2j.spi.backend.TemplateChecks#requireKnownExtensions}). Attributes whose
 *       capability is not declared were already rejected.</li>
 *   <li>{@code submit/submitBulk}: run the job(s); return the scheduler's ids, a first
 *       {@link org.drmaa2j.JobInfo} and private {@code driverData} to persist.</li>
 *   <li>{@code control}: suspend/resume/hold/release/terminate; the state was already checked.</li>
 *   <li>{@code status}: the batched query, one call for many jobs.</li>
 *   <li>optional: {@code queues/machines/allJobs} (MONITORING), {@code reservations()}
 *       (ADVANCE_RESERVATION), {@code adopt} (take over jobs of a reopened session),
 *       {@code forget} (a job was reaped), {@code findSubmittedByTags} (hand the scheduler
 *       {@link org.drmaa2j.spi.backend.SubmitRequest#tag()} with each submission and find jobs by
 *       it; without it, submissions interrupted by a crash stay unresolved).</li>
 * </ul>
 * News that arrives between polls is pushed through the {@link org.drmaa2j.spi.backend.StateSink}
 * given in the {@link org.drmaa2j.spi.backend.BackendContext}: {@code publish(JobInfo)} wakes
 * waiters, persists and notifies; {@code updateDriverData} persists backend values (a process id
 * learnt later, for example). Publishing may happen before {@code submit} has returned; the
 * generic layer keeps such early news until the job is registered.
 *
 * <h2>How a CLI driver (Slurm, PBS, LSF, Flux) plugs in</h2>
 * <ol>
 *   <li>{@code checkTemplate}: map each template attribute and extension to the scheduler's flags,
 *       throw for what has no flag.</li>
 *   <li>{@code submit}: render the batch script (every user value shell-quoted), end it with lines
 *       that write a {@link org.drmaa2j.spi.store.CompletionMarker} to
 *       {@link org.drmaa2j.spi.store.SessionStore#markerFile(String, String)} (the session
 *       directory, usually on a shared filesystem), run {@code sbatch}/{@code qsub}/{@code bsub}/
 *       {@code flux submit} as an argv list, parse the id; on failure throw
 *       {@code DeniedByDrmsException} with the command's stderr and exit code.</li>
 *   <li>{@code status(jobs)}: one {@code squeue}/{@code qstat}/{@code bjobs}/{@code flux jobs} for
 *       all the ids, one accounting query for ids that left the queue, map states with the
 *       documented state maps; first read the jobs' completion markers
 *       ({@link org.drmaa2j.spi.store.CompletionMarker#readAll}): a marker gives the exact exit
 *       status and signal, and the jobs that have one need no scheduler query at all. Where both
 *       the scheduler and a marker tell how a job ended, {@link org.drmaa2j.spi.store.CompletionMarker#overrule}
 *       is the one rule that settles it (the shell's 128+N against the marker's signal N).</li>
 *   <li>optionally watch the markers directory and {@code publish} ends as soon as markers appear:
 *       waits end without scheduler load. Remote writes on a shared filesystem do not raise
 *       inotify events, so a cheap directory scan is the reliable form; the batched poll stays the
 *       truth for jobs that never start or are cancelled.</li>
 *   <li>{@code control}: {@code scancel -s STOP/CONT}, {@code scontrol hold/release}, {@code
 *       scancel} (and the PBS/LSF/Flux equivalents); return the expected new
 *       {@code JobInfo} or null.</li>
 *   <li>leave {@code pushesStateChanges()} false: the generic layer then refreshes stale
 *       information with one batched tick before control operations and state reads.</li>
 * </ol>
 */
package org.drmaa2j.spi.backend;
