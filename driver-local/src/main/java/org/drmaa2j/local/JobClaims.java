// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drmaa2j.spi.store.AtomicFiles;
import org.drmaa2j.spi.store.OwnerProcess;
import org.drmaa2j.spi.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files beside a local job's completion marker ({@code markers/ID.exit}) that say who starts
 * the job and which process runs it:
 * <pre>
 * ID.claim          made exclusively by the process that starts the job, before it starts it:
 *                   owner=HOST PID START (the JVM), tag=… (the submission's), job=ID, array=ID
 * ID.pid            written by that process right after the start: the job's pid and start time
 * ID.exit.started   made exclusively by the job supervisor before it forks the job, empty until
 *                   it holds the job's pid (a second start of the same job finds it and runs
 *                   nothing; the supervisor answers that the job was started elsewhere)
 * </pre>
 * All of them are removed with the job ({@link SessionStore#deleteJob}: {@code ID.*}).
 */
final class JobClaims {
    private static final Logger LOG = LoggerFactory.getLogger(JobClaims.class);

    private final SessionStore store;

    JobClaims(SessionStore store) {
        this.store = store;
    }

    /** What a claim file says. */
    record Claim(Optional<OwnerProcess> owner, String tag, String jobId, String arrayId, long modifiedMillis) {
    }

    /** A job's process (of an older version: its wrapper): its pid, and its start time (ms) when known. */
    record JobProcess(long pid, Long startMillis) {
    }

    Path claimFile(String session, String jobId) {
        return sibling(session, jobId, ".claim");
    }

    Path pidFile(String session, String jobId) {
        return sibling(session, jobId, ".pid");
    }

    Path startedFile(String session, String jobId) {
        Path m = store.markerFile(session, jobId);
        return m.resolveSibling(m.getFileName() + ".started");
    }

    private Path sibling(String session, String jobId, String suffix) {
        Path m = store.markerFile(session, jobId);
        String n = m.getFileName().toString();
        return m.resolveSibling(n.substring(0, n.length() - ".exit".length()) + suffix);
    }

    /**
     * Claims a job for this process, with this process as owner.
     *
     * @return false when another process holds the claim
     */
    boolean claim(LocalJob j) throws IOException {
        return AtomicFiles.claim(claimFile(j.session, j.id), content(j).getBytes(StandardCharsets.UTF_8));
    }

    private static String content(LocalJob j) {
        OwnerProcess me = OwnerProcess.current();
        StringBuilder sb = new StringBuilder();
        sb.append("owner=").append(me.host()).append(' ').append(me.pid()).append(' ').append(me.startMillis()).append('\n');
        if (j.tag != null) sb.append("tag=").append(j.tag).append('\n');
        sb.append("job=").append(j.id).append('\n');
        if (j.arrayId != null) sb.append("array=").append(j.arrayId).append('\n');
        return sb.toString();
    }

    /** @return true when the job has a claim file */
    boolean isClaimed(LocalJob j) {
        return Files.exists(claimFile(j.session, j.id));
    }

    /** @return the claim, or empty when there is none */
    Optional<Claim> readClaim(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            long modified = Files.getLastModifiedTime(file).toMillis();
            return Optional.of(parse(text, modified));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read the claim {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    static Claim parse(String text, long modifiedMillis) {
        Map<String, String> kv = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) kv.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
        Optional<OwnerProcess> owner = Optional.empty();
        String o = kv.get("owner");
        if (o != null) {
            String[] f = o.split(" ");
            if (f.length == 3) {
                try {
                    owner = Optional.of(new OwnerProcess(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
                } catch (NumberFormatException e) {
                    // an unreadable owner is an unknown owner
                }
            }
        }
        return new Claim(owner, kv.get("tag"), kv.get("job"), kv.get("array"), modifiedMillis);
    }

    /** Records the started job's pid and start time beside the claim, at once. */
    void writePidFile(LocalJob j) {
        try {
            AtomicFiles.write(pidFile(j.session, j.id), (j.pid + " " + (j.pidStart == null ? "" : j.pidStart)).trim()
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.warn("cannot record the process id of job {}: {}", j.id, e.toString());
        }
    }

    /** @return the process the pid file names, when there is one */
    Optional<JobProcess> readPidFile(LocalJob j) {
        try {
            String[] f = Files.readString(pidFile(j.session, j.id)).trim().split(" ");
            return Optional.of(new JobProcess(Long.parseLong(f[0]), f.length > 1 ? Long.valueOf(f[1]) : null));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // not started, or started by a process that has not written it yet
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the process id of job {}: {}", j.id, e.toString());
            return Optional.empty();
        }
    }

    /** @return the process that started the job, from its own {@code .started} file (its start: the file's time) */
    Optional<JobProcess> readStarted(LocalJob j) {
        Path f = startedFile(j.session, j.id);
        try {
            String text = Files.readString(f, StandardCharsets.US_ASCII).trim();
            if (text.isEmpty()) return Optional.empty();
            return Optional.of(new JobProcess(Long.parseLong(text), Files.getLastModifiedTime(f).toMillis()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read which process started job {}: {}", j.id, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Finds the jobs of submissions by their tags, from the claims of a session's jobs: a job
     * that was started (claimed) carries its submission's tag in its claim.
     *
     * @param session the session
     * @param tags the tags looked for
     * @return the claims found, by tag
     * @throws org.drmaa2j.InternalException when the claims cannot be listed (then nothing may be
     *         concluded from a tag not found)
     */
    Map<String, List<Claim>> findByTags(String session, Set<String> tags) {
        Map<String, List<Claim>> found = new HashMap<>();
        Path markers = store.markerFile(session, "x").getParent();
        if (!Files.isDirectory(markers)) return found;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(markers, "*.claim")) {
            for (Path p : ds) {
                Optional<Claim> c = readClaim(p);
                if (c.isPresent() && c.get().tag() != null && c.get().jobId() != null && tags.contains(c.get().tag())) {
                    found.computeIfAbsent(c.get().tag(), k -> new java.util.ArrayList<>()).add(c.get());
                }
            }
        } catch (IOException e) {
            throw new org.drmaa2j.InternalException("cannot list the claims of session '" + session + "': " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * @param pid a process id
     * @param startMillis when that process started, or null when not known
     * @return the process, when it runs and is that one (not a later process with the same id)
     */
    static Optional<ProcessHandle> alive(long pid, Long startMillis) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> sameProcess(p, startMillis));
    }

    /**
     * The JDK counts a zombie as gone, but a supervised job's marker is written just before its
     * supervisor reaps it: a job followed from outside has ended unrecorded only once it is reaped.
     *
     * @param pid a process id
     * @return true while the process has ended but is not reaped yet (Linux {@code /proc}; false elsewhere)
     */
    static boolean unreaped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int paren = stat.lastIndexOf(')');
            return paren > 0 && paren + 2 < stat.length() && stat.charAt(paren + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @return false when the pid now belongs to a process started at another time (pid reuse) */
    private static boolean sameProcess(ProcessHandle p, Long recordedStartMillis) {
        if (recordedStartMillis == null) return true;
        return p.info().startInstant().map(s -> Math.abs(s.toEpochMilli() - recordedStartMillis) < 2000).orElse(true);
    }
}
