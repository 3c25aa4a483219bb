// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Version;
import org.drmaa2j.spi.backend.BackendContext;
import org.drmaa2j.spi.backend.BulkRange;
import org.drmaa2j.spi.backend.BulkSubmitted;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.backend.DriverBackend;
import org.drmaa2j.spi.backend.ExtensionKeys;
import org.drmaa2j.spi.backend.SubmitRequest;
import org.drmaa2j.spi.backend.Submissions;
import org.drmaa2j.spi.backend.Submitted;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.script.CompletionTail;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.drmaa2j.spi.store.CompletionMarker;
import org.drmaa2j.spi.util.DriverSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every command-line backend shares: the connection's context, runner and script
 * renderer, the scheduler's version and the user's home directory learnt once when first needed,
 * the submission command built once ({@link #newSubmitCommand}), the extension keys checked before
 * the values, and the usual submission: run the command, read the job id from its output, report
 * the job queued (or held) until the first status query.
 *
 * <p>Completion markers: a job script rendered from a template that prints {@link CompletionTail#TEXT}
 * (the {@code completion} variable) and passed on the submission command's standard input gets the
 * submission's marker line ({@link CompletionTail#applyTo(Command)}): its last act writes a marker
 * into the session's marker directory, and each job's {@link CompletionMarker#DRIVER_DATA_KEY} names
 * it, so that the generic layer wakes waiters as soon as it appears. A template that leaves the tail
 * out writes none, and its jobs are followed by polling alone.
 *
 * <p>A subclass gives the scheduler's facts ({@link #drmsName}, {@link #capabilities},
 * {@link #readVersion}), its submission command, how to read a job id ({@link #jobId}) and name an
 * array task ({@link #taskId}), and the batched {@code status} and {@code control} operations.
 * It overrides {@link #submit}/{@link #submitBulk} only when its scheduler submits differently.
 *
 * @param <S> the driver's submission command
 */
public abstract class CliBackend<S extends SubmitCommand> implements DriverBackend {
    private static final Logger LOG = LoggerFactory.getLogger(CliBackend.class);
    /** {@code false} turns completion markers off: jobs are then followed by the poll alone. Default true. */
    public static final String MARKERS_PROPERTY = "drmaa2j.markers";
    private final CliContext cli;
    private volatile Boolean markers;
    private final String queuedState;
    private final String heldState;
    /** When this thread's last submission command started, until its jobs are described ({@link #submitted()}). */
    private final ThreadLocal<Instant> submissionStart = new ThreadLocal<>();
    private volatile Version version;
    private volatile String homeDirectory;
    private volatile S submitCommand;

    /**
     * @param cli what the provider opened for this connection
     * @param queuedState the scheduler's word for a job just queued, such as {@code PENDING}
     * @param heldState its word for a job just submitted held
     */
    protected CliBackend(CliContext cli, String queuedState, String heldState) {
        this.cli = cli;
        this.queuedState = queuedState;
        this.heldState = heldState;
    }

    /**
     * Whether job scripts write completion markers: true when the session store is where the
     * scheduler's commands run (this machine's file system for local commands, the login node's
     * store over SFTP for an SSH contact), false otherwise (a store over SFTP with local commands,
     * a store on this machine with commands over SSH or inside a container). Whether the nodes see
     * the marker directory (a shared home) is found out by the generic layer, which falls back to
     * polling, and says so once, when a job the scheduler saw end wrote none. {@value #MARKERS_PROPERTY}{@code =false}
     * turns them off. A driver whose jobs can never write one overrides this to say false.
     *
     * @return true when job scripts should write markers
     */
    protected boolean completionMarkers() {
        if (context().store() == null || !context().settings().get(MARKERS_PROPERTY).map(Boolean::parseBoolean).orElse(true)) return false;
        Contact c;
        try {
            c = CliRunners.contact(context());
        } catch (RuntimeException e) {
            return false; // a contact of the driver's own kind: it says itself
        }
        boolean localStore = context().store().root().getFileSystem() == FileSystems.getDefault();
        if (c.transport().equals("ssh")) return !localStore;
        return c.isLocal() && localStore;
    }

    /** @return the scheduler's version, asked once ({@link #readVersion}) */
    @Override
    public Version drmsVersion() {
        Version v = version;
        if (v == null) version = v = readVersion();
        return v;
    }

    /**
     * @return the scheduler's version, read from its commands
     * @throws org.drmaa2j.DrmCommunicationException when they cannot be asked
     */
    protected abstract Version readVersion();

    @Override
    public String contact() {
        return cli.backend().contact();
    }

    /** @return the keys this driver honours; {@link ExtensionKeys#STANDARD} unless overridden */
    protected ExtensionKeys extensionKeys() {
        return ExtensionKeys.STANDARD;
    }

    /** Refuses unknown extension keys, then lets the submission command check every value. */
    @Override
    public void checkTemplate(JobTemplate template, boolean bulk) {
        extensionKeys().check(template);
        submitCommand().check(template, bulk);
    }

    @Override
    public Submitted submit(SubmitRequest request) {
        JobTemplate t = request.template();
        CompletionTail end = completionTail(request);
        Command c = submitCommand().build(t, null, request.tag());
        Command marked = end.applyTo(c);
        Submitted s = queued(submitAndReadId(marked == null ? c : marked), t);
        return marked == null ? s : withMarker(s, end, 1);
    }

    @Override
    public BulkSubmitted submitBulk(SubmitRequest request, BulkRange range) {
        JobTemplate t = request.template();
        CompletionTail end = completionTail(request);
        Command c = submitCommand().build(t, range, request.tag());
        Command marked = end.applyTo(c);
        BulkSubmitted b = array(submitAndReadId(marked == null ? c : marked), range, t);
        return marked == null ? b : withMarkers(b, end, range);
    }

    /**
     * @param bulk a bulk job just submitted, its tasks in the order of the range's indices
     * @param end the tail its script was rendered with
     * @param range its indices
     * @return the bulk job, each task naming its marker in its driver data when its script writes one
     */
    protected static BulkSubmitted withMarkers(BulkSubmitted bulk, CompletionTail end, BulkRange range) {
        if (!end.writesMarker()) return bulk;
        List<Submitted> tasks = new ArrayList<>();
        List<Long> indices = range.indices();
        for (int i = 0; i < bulk.tasks().size(); i++) tasks.add(withMarker(bulk.tasks().get(i), end, indices.get(i)));
        return new BulkSubmitted(bulk.arrayId(), tasks);
    }

    /**
     * @param request a submission
     * @return the end of its job script: one that writes a marker into the session's marker
     *     directory when this connection's jobs write markers ({@link #completionMarkers}), else
     *     {@link CompletionTail#plain()}
     */
    protected final CompletionTail completionTail(SubmitRequest request) {
        Boolean on = markers;
        if (on == null) {
            markers = on = completionMarkers();
            if (!on) LOG.debug("job scripts write no completion markers: the session store is not where the commands run");
        }
        if (!on || request.tag() == null || request.sessionName() == null) return CompletionTail.plain();
        Path dir = context().store().markerDirectory(request.sessionName());
        try {
            return CompletionTail.marker(dir.toString(), request.tag());
        } catch (IllegalArgumentException e) {
            LOG.debug("no completion marker in {}: {}", dir, e.getMessage());
            return CompletionTail.plain();
        }
    }

    /**
     * @param job a job just submitted
     * @param end the tail its script was rendered with
     * @param index its task index, 1 for a single job
     * @return the job, naming its marker in its driver data when its script writes one
     */
    protected static Submitted withMarker(Submitted job, CompletionTail end, long index) {
        if (!end.writesMarker()) return job;
        Map<String, String> data = new HashMap<>(job.driverData());
        data.put(CompletionMarker.DRIVER_DATA_KEY, end.fileName(index));
        return new Submitted(job.jobId(), job.info(), data);
    }

    /**
     * @param command a submission
     * @return the job id it printed
     * @throws org.drmaa2j.DeniedByDrmsException with the scheduler's words when it failed or printed no id
     */
    protected final String submitAndReadId(Command command) {
        submissionStart.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return Submissions.run(runner()::run, submission(command), this::jobId);
    }

    /**
     * @return the submission time of the jobs {@link #submitAndReadId} just submitted on this thread
     *     (now for jobs found otherwise): the whole second in which the command started. Schedulers
     *     record submission times in whole seconds (OpenPBS ctime, Slurm SubmitTime), no earlier than
     *     that, so the first poll's time never moves a job's submission time back, and a filter by a
     *     submission time read before it keeps matching the job after it
     */
    private Instant submitted() {
        Instant s = submissionStart.get();
        submissionStart.remove();
        return s != null ? s : Instant.now();
    }

    /**
     * The last word on a submission command before it runs: the default returns it unchanged; a
     * site's driver may run its own wrapper instead of the scheduler's program here, say.
     *
     * @param command the command the submission command built
     * @return the command to run
     */
    protected Command submission(Command command) {
        return command;
    }

    /**
     * @param id a job id the scheduler just gave
     * @param t its template
     * @return the job, queued or held as the template says
     */
    protected final Submitted queued(String id, JobTemplate t) {
        return Submissions.queued(id, t, queuedState, heldState, submitted());
    }

    /**
     * @param arrayId the id a bulk submission gave
     * @param range its indices
     * @param t its template
     * @return the array with one queued (or held) task per index, named by {@link #taskId}
     */
    protected final BulkSubmitted array(String arrayId, BulkRange range, JobTemplate t) {
        return Submissions.array(arrayId, range, i -> taskId(arrayId, i), t, queuedState, heldState, submitted());
    }

    /**
     * @param output the submission command's standard output
     * @return the job (or array) id it printed
     */
    protected abstract Optional<String> jobId(String output);

    /**
     * @param arrayId the id of a bulk job
     * @param index a task index
     * @return that task's id
     */
    protected abstract String taskId(String arrayId, long index);

    /** @return a new submission command; called once, when first needed */
    protected abstract S newSubmitCommand();

    /** @return the submission command, built once */
    protected final S submitCommand() {
        S s = submitCommand;
        if (s == null) {
            synchronized (this) {
                s = submitCommand;
                if (s == null) submitCommand = s = newSubmitCommand();
            }
        }
        return s;
    }

    /** @return the user's home directory where the commands run ({@code $HOME} there), learnt once */
    protected final String homeDirectory() {
        String h = homeDirectory;
        if (h == null) homeDirectory = h = CliRunners.homeDirectory(runner());
        return h;
    }

    /**
     * @param t a template
     * @param bulk true for a bulk job's tasks
     * @return its paths and arguments with the placeholders resolved by the one rule
     */
    protected final JobPaths paths(JobTemplate t, boolean bulk) {
        return JobPaths.of(t, homeDirectory(), bulk);
    }

    /** @return the generic layer's context */
    protected final BackendContext context() {
        return cli.backend();
    }

    /** @return the driver settings */
    protected final DriverSettings settings() {
        return cli.settings();
    }

    /** @return where the commands run */
    protected final CommandRunner runner() {
        return cli.runner();
    }

    /** @return the job-script template */
    protected final ScriptRenderer renderer() {
        return cli.renderer();
    }

    /** Closes the runner; a subclass that starts threads stops them first, then calls this. */
    @Override
    public void close() {
        runner().close();
    }
}
