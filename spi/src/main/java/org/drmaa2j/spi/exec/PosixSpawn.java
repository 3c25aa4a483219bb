// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.drmaa2j.DrmCommunicationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command as a child process started with the C library's {@code posix_spawnp}, and
 * talks to it through pipes on the calling thread. Compared with {@link ProcessBuilder} this saves
 * the helper program the JDK executes before every command on Linux ({@code jspawnhelper}) and the
 * threads that read output and reap the process: about a millisecond per command, which matters
 * where a command only takes a few (one {@code sbatch} per job).
 *
 * <p>Available on Linux with glibc 2.34 or later on x86-64, aarch64 and ppc64le, where the child
 * can close every inherited descriptor before it runs ({@code posix_spawn_file_actions_addclosefrom_np});
 * elsewhere, or with the system property {@value #PROPERTY} set to {@code false}, commands start
 * through {@link ProcessBuilder}. The child gets an empty signal mask and default handling of
 * {@code SIGPIPE} and {@code SIGXFSZ}, as a process started from a shell.
 */
final class PosixSpawn {
    /** System property: {@code false} starts every command through {@link ProcessBuilder}. */
    static final String PROPERTY = "drmaa2j.exec.posixSpawn";
    private static final Logger LOG = LoggerFactory.getLogger(PosixSpawn.class);

    // Linux values, the same on the architectures allowed below
    private static final int O_RDONLY = 0;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int WNOHANG = 1;
    private static final int SIGKILL = 9;
    private static final int SIGPIPE = 13;
    private static final int SIGXFSZ = 25;
    /** The same number on every Linux architecture (syscalls added since 5.1 share one table). */
    private static final long SYS_PIDFD_OPEN = 434;
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** Room for glibc's posix_spawn_file_actions_t (80 bytes) and posix_spawnattr_t (336 bytes). */
    private static final int OPAQUE_SIZE = 1024;
    /** glibc's sigset_t. */
    private static final int SIGSET_SIZE = 128;
    private static final int BUFFER = 65536;
    /** Longest single wait in poll, so that an interrupt is noticed. */
    private static final int POLL_SLICE_MS = 250;

    private static final LibC C = load();

    /** The C functions used, as JNA maps them. */
    interface LibC extends Library {
        int posix_spawnp(IntByReference pid, String file, Pointer fileActions, Pointer attributes, String[] argv, String[] envp);

        int posix_spawn_file_actions_init(Pointer fileActions);

        int posix_spawn_file_actions_destroy(Pointer fileActions);

        int posix_spawn_file_actions_adddup2(Pointer fileActions, int fd, int newFd);

        int posix_spawn_file_actions_addopen(Pointer fileActions, int fd, String path, int flags, int mode);

        int posix_spawn_file_actions_addclosefrom_np(Pointer fileActions, int from);

        int posix_spawnattr_init(Pointer attributes);

        int posix_spawnattr_destroy(Pointer attributes);

        int posix_spawnattr_setflags(Pointer attributes, short flags);

        int posix_spawnattr_setsigmask(Pointer attributes, Pointer sigset);

        int posix_spawnattr_setsigdefault(Pointer attributes, Pointer sigset);

        int pipe2(int[] fds, int flags);

        int poll(Pointer fds, int count, int timeoutMillis);

        NativeLong read(int fd, Pointer buffer, NativeLong count);

        NativeLong write(int fd, Pointer buffer, NativeLong count);

        int close(int fd);

        int fcntl(int fd, int command, int argument);

        int waitpid(int pid, int[] status, int options);

        int kill(int pid, int signal);

        String strerror(int errno);

        int syscall(long number, int pid, int flags);
    }

    private PosixSpawn() {
    }

    /** @return true when commands can be started this way here */
    static boolean available() {
        return C != null;
    }

    private static LibC load() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) return null;
        try {
            if (!Platform.isLinux() || !List.of("x86-64", "aarch64", "ppc64le").contains(Platform.ARCH)) return null;
            // argv, environment and paths reach the child as UTF-8 bytes, whatever the JVM's own encoding
            // (ASCII when it starts without a UTF-8 locale, which would turn every non-ASCII character into '?')
            LibC c = Native.load(Platform.C_LIBRARY_NAME, LibC.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
            com.sun.jna.NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("posix_spawn_file_actions_addclosefrom_np");
            return c;
        } catch (Throwable e) { // no JNA, no native support, an old C library: the JDK's way works everywhere
            LOG.debug("commands start through ProcessBuilder: {}", e.toString());
            return null;
        }
    }

    /**
     * @param inherited the environment the child inherits
     * @param additions variables added to (or replacing those of) the inherited environment
     * @return the child environment, sorted by name
     */
    static String[] environment(Map<String, String> inherited, Map<String, String> additions) {
        Map<String, String> all = new TreeMap<>(inherited);
        all.putAll(additions);
        List<String> out = new ArrayList<>(all.size());
        all.forEach((k, v) -> out.add(k + "=" + v));
        return out.toArray(new String[0]);
    }

    /**
     * Runs the command to its end.
     *
     * @param command what to run; its time-out is enforced here
     * @param envp the child's environment (see {@link #environment})
     * @return its result
     * @throws CommandNotFoundException if the program cannot be started
     * @throws DrmCommunicationException if it timed out (it is then killed), the thread was
     *     interrupted, or the pipes failed
     */
    static CommandResult run(Command command, String[] envp) {
        long start = System.nanoTime();
        long deadline = start + command.timeout().toNanos();
        int[] in = {-1, -1};
        int[] out = {-1, -1};
        int[] err = {-1, -1};
        int pid = -1;
        try {
            pipe(out);
            pipe(err);
            if (command.stdin() != null) pipe(in);
            pid = spawn(command, envp, in[0], out[1], err[1]);
            closeQuietly(in, 0);
            closeQuietly(out, 1);
            closeQuietly(err, 1);
            if (in[1] >= 0 && C.fcntl(in[1], F_SETFL, C.fcntl(in[1], F_GETFL, 0) | O_NONBLOCK) < 0) {
                throw failure("cannot set up the input of " + command.program());
            }
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            exchange(command, deadline, in, out, err, stdout, stderr);
            int status = reap(command, pid, deadline);
            pid = -1;
            return new CommandResult(command, status, stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (pid > 0) kill(pid); // not reaped: timed out, interrupted or failed
            for (int[] p : List.of(in, out, err)) {
                closeQuietly(p, 0);
                closeQuietly(p, 1);
            }
        }
    }

    private static int spawn(Command command, String[] envp, int stdinFd, int stdoutFd, int stderrFd) {
        Memory actions = new Memory(OPAQUE_SIZE);
        Memory attributes = new Memory(OPAQUE_SIZE);
        Memory mask = new Memory(SIGSET_SIZE);
        Memory defaults = new Memory(SIGSET_SIZE);
        mask.clear();
        defaults.clear();
        defaults.setLong(0, (1L << (SIGPIPE - 1)) | (1L << (SIGXFSZ - 1)));
        check(C.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
        try {
            check(C.posix_spawnattr_init(attributes), "posix_spawnattr_init");
            try {
                if (stdinFd >= 0) check(C.posix_spawn_file_actions_adddup2(actions, stdinFd, 0), "adddup2");
                else check(C.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", O_RDONLY, 0), "addopen");
                check(C.posix_spawn_file_actions_adddup2(actions, stdoutFd, 1), "adddup2");
                check(C.posix_spawn_file_actions_adddup2(actions, stderrFd, 2), "adddup2");
                check(C.posix_spawn_file_actions_addclosefrom_np(actions, 3), "addclosefrom_np");
                check(C.posix_spawnattr_setsigmask(attributes, mask), "setsigmask");
                check(C.posix_spawnattr_setsigdefault(attributes, defaults), "setsigdefault");
                check(C.posix_spawnattr_setflags(attributes, (short) (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)), "setflags");
                IntByReference pid = new IntByReference();
                String[] argv = command.argv().toArray(new String[0]);
                int rc = C.posix_spawnp(pid, argv[0], actions, attributes, argv, envp);
                if (rc != 0) {
                    String why = C.strerror(rc);
                    // ENOENT, EACCES, ENOEXEC, ENOTDIR, ELOOP, ENAMETOOLONG: the program itself cannot be run
                    if (rc == 2 || rc == 13 || rc == 8 || rc == 20 || rc == 40 || rc == 36) {
                        throw new CommandNotFoundException("cannot run " + command.program() + ": " + why, null);
                    }
                    throw new DrmCommunicationException("cannot start " + command.program() + ": " + why);
                }
                return pid.getValue();
            } finally {
                C.posix_spawnattr_destroy(attributes);
            }
        } finally {
            C.posix_spawn_file_actions_destroy(actions);
        }
    }

    /** Writes the input and reads both outputs until the child has closed them, all on this thread. */
    private static void exchange(Command command, long deadline, int[] in, int[] out, int[] err,
                                 ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
        byte[] input = command.stdin();
        Memory inputMemory = null;
        int written = 0;
        if (input != null && input.length > 0) {
            inputMemory = new Memory(input.length);
            inputMemory.write(0, input, 0, input.length);
        } else {
            closeQuietly(in, 1);
        }
        Memory buffer = new Memory(BUFFER);
        byte[] chunk = new byte[BUFFER];
        Memory polls = new Memory(3 * 8);
        int[] fds = new int[3];
        while (in[1] >= 0 || out[0] >= 0 || err[0] >= 0) {
            if (Thread.currentThread().isInterrupted()) throw interrupted(command);
            long left = deadline - System.nanoTime();
            if (left <= 0) throw timedOut(command);
            int n = 0;
            if (in[1] >= 0) n = addPoll(polls, n, fds, in[1], POLLOUT);
            if (out[0] >= 0) n = addPoll(polls, n, fds, out[0], POLLIN);
            if (err[0] >= 0) n = addPoll(polls, n, fds, err[0], POLLIN);
            int ready = C.poll(polls, n, (int) Math.min(POLL_SLICE_MS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            if (ready < 0) {
                if (Native.getLastError() == EINTR) continue;
                throw failure("cannot wait for the output of " + command.program());
            }
            for (int i = 0; i < n; i++) {
                if (polls.getShort(i * 8L + 6) == 0) continue;
                int fd = fds[i];
                if (fd == in[1]) {
                    long w = C.write(fd, inputMemory.share(written), new NativeLong(input.length - written)).longValue();
                    if (w > 0) written += (int) w;
                    int e = w < 0 ? Native.getLastError() : 0;
                    if (w < 0 && e != EINTR && e != EAGAIN) {
                        LOG.debug("{} closed its input early: {}", command.program(), C.strerror(e));
                        closeQuietly(in, 1);
                    } else if (written == input.length) {
                        closeQuietly(in, 1);
                    }
                } else {
                    long r = C.read(fd, buffer, new NativeLong(BUFFER)).longValue();
                    if (r > 0) {
                        buffer.read(0, chunk, 0, (int) r);
                        (fd == out[0] ? stdout : stderr).write(chunk, 0, (int) r);
                    } else if (r == 0 || (Native.getLastError() != EINTR && Native.getLastError() != EAGAIN)) {
                        closeQuietly(fd == out[0] ? out : err, 0);
                    }
                }
            }
        }
    }

    private static int addPoll(Memory polls, int n, int[] fds, int fd, short events) {
        polls.setInt(n * 8L, fd);
        polls.setShort(n * 8L + 4, events);
        polls.setShort(n * 8L + 6, (short) 0);
        fds[n] = fd;
        return n + 1;
    }

    /**
     * Waits for the child to end (it has closed its output, so it is ending) and returns its exit
     * code. When it has not quite ended, a process descriptor (Linux 5.3 or later) wakes this thread
     * exactly when it does; without one, the wait polls with growing pauses.
     */
    private static int reap(Command command, int pid, long deadline) {
        int[] status = new int[1];
        if (C.waitpid(pid, status, WNOHANG) == pid) return exitCode(status[0]);
        int pidfd = C.syscall(SYS_PIDFD_OPEN, pid, 0);
        if (pidfd >= 0) {
            try {
                awaitExit(command, pidfd, deadline);
            } finally {
                C.close(pidfd);
            }
        }
        long pause = 20_000;
        while (true) {
            int rc = C.waitpid(pid, status, WNOHANG);
            if (rc == pid) return exitCode(status[0]);
            if (rc < 0 && Native.getLastError() != EINTR) throw failure("cannot learn how " + command.program() + " ended");
            if (Thread.currentThread().isInterrupted()) throw interrupted(command);
            if (System.nanoTime() - deadline > 0) throw timedOut(command);
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 10_000_000);
        }
    }

    /** Waits until the process descriptor is readable, which means the process has ended. */
    private static void awaitExit(Command command, int pidfd, long deadline) {
        Memory poll = new Memory(8);
        while (true) {
            if (Thread.currentThread().isInterrupted()) throw interrupted(command);
            long left = deadline - System.nanoTime();
            if (left <= 0) throw timedOut(command);
            addPoll(poll, 0, new int[1], pidfd, POLLIN);
            int ready = C.poll(poll, 1, (int) Math.min(POLL_SLICE_MS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            if (ready > 0) return;
            if (ready < 0 && Native.getLastError() != EINTR) return; // the polling wait below still works
        }
    }

    /** The JDK's convention: the exit status, or 128 plus the signal that ended the process. */
    static int exitCode(int waitStatus) {
        int signal = waitStatus & 0x7f;
        return signal == 0 ? (waitStatus >> 8) & 0xff : 0x80 + signal;
    }

    /** The caller kills the child. */
    private static DrmCommunicationException interrupted(Command command) {
        return new DrmCommunicationException("interrupted while running " + command.program());
    }

    /** The caller kills the child. */
    private static DrmCommunicationException timedOut(Command command) {
        return new DrmCommunicationException(command.program() + " did not finish within "
                + command.timeout().toSeconds() + " s and was killed");
    }

    /** Kills the child and what it started, and reaps it. */
    private static void kill(int pid) {
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(ProcessHandle::destroyForcibly));
        C.kill(pid, SIGKILL);
        int[] status = new int[1];
        while (C.waitpid(pid, status, 0) < 0 && Native.getLastError() == EINTR) {
            // reaped once the signal is delivered
        }
    }

    private static void pipe(int[] fds) {
        if (C.pipe2(fds, O_CLOEXEC) != 0) {
            fds[0] = fds[1] = -1;
            throw failure("cannot create a pipe");
        }
    }

    private static void closeQuietly(int[] fds, int i) {
        if (fds[i] >= 0) {
            C.close(fds[i]);
            fds[i] = -1;
        }
    }

    private static void check(int rc, String what) {
        if (rc != 0) throw new DrmCommunicationException(what + " failed: " + C.strerror(rc));
    }

    private static DrmCommunicationException failure(String what) {
        return new DrmCommunicationException(what + ": " + C.strerror(Native.getLastError()));
    }
}
