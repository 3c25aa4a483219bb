// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of the job supervisor ({@code job-supervisor.pl}, installed by {@link SupervisorScript}):
 * one long-lived {@code perl} process, started on the first job, that starts each job on request,
 * records its end in the job's completion marker before reaping it, and says so at once. It outlives
 * this process: when this JVM dies, its standard input ends and it runs on until its last job has
 * ended and been recorded. When the supervisor itself dies, the ends of its jobs complete with
 * {@link End#recorded()} false, and the next start spawns a new one.
 *
 * <p>The protocol (the script's header describes it too): a request is its length in bytes, a
 * newline, and NUL-separated fields; each answer is one line ({@code P}, {@code F}, {@code R},
 * {@code E}, {@code L}).
 */
final class JobSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobSupervisor.class);
    /** How this JVM turns strings into the bytes of file names, arguments and environments, as ProcessBuilder does. */
    private static final Charset NATIVE = nativeCharset();

    /** How a supervised job's watch ended. */
    record End(boolean recorded, int supervisorExit) {
    }

    /**
     * What a start request became.
     *
     * @param pid the job's process (and group) id; 0 when refused
     * @param end completes when the job ended (its marker is written) or the supervisor died; null when refused
     */
    record Started(long pid, CompletableFuture<End> end) {
        /** @return true when the job's {@code .started} file existed: another supervisor or wrapper started it */
        boolean refused() {
            return pid == 0;
        }
    }

    /**
     * One job to start. Paths are absolute; null streams are {@code /dev/null}.
     *
     * @param marker the completion marker
     * @param directory the working directory
     * @param input standard input, or null
     * @param output standard output, or null
     * @param error standard error, or null (ignored when joined)
     * @param join standard error goes to standard output
     * @param environment variables set on top of the inherited environment
     * @param argv the command and its arguments
     */
    record Request(Path marker, Path directory, Path input, Path output, Path error, boolean join,
                   Map<String, String> environment, List<String> argv) {
    }

    private final List<String> command;
    private final Object lock = new Object();
    private Channel channel;
    private long nextId = 1;

    /**
     * @param perl the interpreter
     * @param script the installed supervisor script
     */
    JobSupervisor(Path perl, Path script) {
        this.command = List.of(perl.toString(), script.toString());
    }

    /**
     * Starts a job through the supervisor, spawning the supervisor first when none runs.
     *
     * @param r the job
     * @return its process, or a refusal when another process started the job already
     * @throws IOException when nothing runs, saying why (a missing program, a bad working directory,
     *         an unreadable input file, the supervisor failing)
     */
    Started start(Request r) throws IOException {
        synchronized (lock) {
            long id = nextId++;
            byte[] payload = payload(id, r);
            for (int attempt = 0; ; attempt++) {
                Channel c = channel();
                CompletableFuture<Answer> answer = c.expect(id);
                try {
                    c.send(payload);
                } catch (IOException e) {
                    c.dropped(id);
                    c.gone = true; // its reader may not have seen the end yet
                    if (attempt == 0) continue; // it died since the last request: once more with a new one
                    throw new IOException("the job supervisor does not take requests: " + e.getMessage(), e);
                }
                return answered(await(answer), r);
            }
        }
    }

    private static Started answered(Answer a, Request r) throws IOException {
        String[] f = a.line().split(" ", 4);
        switch (f[0]) {
            case "P":
                return new Started(Long.parseLong(f[2]), a.end());
            case "R":
                return new Started(0, null);
            default:
                throw new IOException(reason(f.length > 2 ? f[2] : "?", f.length > 3 ? f[3] : "", r));
        }
    }

    private static String reason(String step, String error, Request r) {
        switch (step) {
            case "chdir": return "cannot change to the working directory " + r.directory() + ": " + error;
            case "stdin": return "cannot open the input file " + r.input() + ": " + error;
            case "stdout": return "cannot open the output file " + r.output() + ": " + error;
            case "stderr": return "cannot open the error file " + r.error() + ": " + error;
            case "exec": return "cannot run program \"" + r.argv().get(0) + "\": " + error;
            case "fork": return "cannot fork: " + error;
            default: return "the job supervisor refused the request (" + step + " " + error + ")";
        }
    }

    private static Answer await(CompletableFuture<Answer> answer) throws IOException {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the job was being started", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    static byte[] payload(long id, Request r) throws IOException {
        List<String> fields = new ArrayList<>();
        fields.add(Long.toString(id));
        fields.add(r.marker().toString());
        fields.add(r.directory().toString());
        fields.add(r.input() == null ? "" : r.input().toString());
        fields.add(r.output() == null ? "" : r.output().toString());
        fields.add(r.join() || r.error() == null ? "" : r.error().toString());
        fields.add(r.join() ? "1" : "0");
        fields.add(Integer.toString(r.environment().size()));
        for (Map.Entry<String, String> e : r.environment().entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().indexOf('=') >= 0) {
                throw new IOException("invalid environment variable name: \"" + e.getKey() + "\"");
            }
            fields.add(e.getKey() + "=" + e.getValue());
        }
        fields.addAll(r.argv());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < fields.size(); i++) {
            String s = fields.get(i);
            if (s.indexOf('\0') >= 0) throw new IOException("invalid null character in \"" + s.replace('\0', '?') + "\"");
            if (i > 0) body.write(0);
            body.writeBytes(s.getBytes(NATIVE));
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes((body.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        body.writeTo(all);
        return all.toByteArray();
    }

    private static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    private Channel channel() throws IOException {
        if (channel == null || channel.gone) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            try {
                channel = new Channel(pb.start());
            } catch (IOException e) {
                throw new IOException("cannot start the job supervisor: " + e.getMessage(), e);
            }
        }
        return channel;
    }

    /** @return the supervisor's process id, 0 when none runs (for tests) */
    long pid() {
        synchronized (lock) {
            return channel == null || channel.gone ? 0 : channel.process.pid();
        }
    }

    /**
     * Lets the supervisor go: its standard input ends, and it exits once its running jobs have
     * ended and been recorded. Ends it reports after this are still delivered.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (channel != null) channel.closeInput();
        }
    }

    /** An answer line, with the job's end when it started. */
    private record Answer(String line, CompletableFuture<End> end) {
    }

    /** One supervisor process: the requests sent to it, the jobs it watches, its reader thread. */
    private static final class Channel {
        private final Process process;
        private final OutputStream in;
        private final Map<Long, CompletableFuture<Answer>> answers = new HashMap<>();
        private final Map<Long, CompletableFuture<End>> ends = new HashMap<>();
        private volatile boolean gone;

        Channel(Process process) {
            this.process = process;
            this.in = new BufferedOutputStream(process.getOutputStream());
            Thread t = new Thread(this::read, "drmaa2j-local-supervisor-" + process.pid());
            t.setDaemon(true);
            t.start();
        }

        synchronized CompletableFuture<Answer> expect(long id) {
            CompletableFuture<Answer> f = new CompletableFuture<>();
            if (gone) f.completeExceptionally(new IOException("the job supervisor has ended"));
            else answers.put(id, f);
            return f;
        }

        synchronized void dropped(long id) {
            answers.remove(id);
        }

        void send(byte[] payload) throws IOException {
            if (gone) throw new IOException("the job supervisor has ended");
            in.write(payload);
            in.flush();
        }

        void closeInput() {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("closing the job supervisor's input: {}", e.toString());
            }
        }

        private void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) handle(line);
            } catch (IOException | RuntimeException e) {
                LOG.warn("reading the job supervisor: {}", e.toString());
            }
            died();
        }

        private void handle(String line) {
            if (line.length() < 2) return;
            String rest = line.substring(2);
            switch (line.charAt(0)) {
                case 'P': case 'F': case 'R': {
                    int sp = rest.indexOf(' ');
                    long id = Long.parseLong(sp < 0 ? rest : rest.substring(0, sp));
                    CompletableFuture<Answer> f;
                    CompletableFuture<End> end = null;
                    synchronized (this) {
                        f = answers.remove(id);
                        if (line.charAt(0) == 'P') {
                            end = new CompletableFuture<>();
                            ends.put(Long.parseLong(rest.substring(sp + 1)), end);
                        }
                    }
                    if (f != null) f.complete(new Answer(line, end));
                    break;
                }
                case 'E': {
                    CompletableFuture<End> f;
                    synchronized (this) {
                        f = ends.remove(Long.parseLong(rest));
                    }
                    if (f != null) f.complete(new End(true, 0));
                    break;
                }
                case 'L':
                    LOG.warn("job supervisor: {}", rest);
                    break;
                default:
                    LOG.debug("job supervisor said: {}", line);
            }
        }

        /** The supervisor's output ended: it is gone; every job it still watched ends unrecorded. */
        private void died() {
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = -1;
            }
            List<CompletableFuture<Answer>> a;
            List<CompletableFuture<End>> e;
            synchronized (this) {
                gone = true;
                a = new ArrayList<>(answers.values());
                e = new ArrayList<>(ends.values());
                answers.clear();
                ends.clear();
            }
            if (!e.isEmpty()) LOG.warn("the job supervisor (pid {}) ended with status {} while {} jobs ran", process.pid(), exit, e.size());
            IOException dead = new IOException("the job supervisor ended (status " + exit + ") before answering");
            for (CompletableFuture<Answer> f : a) f.completeExceptionally(dead);
            End end = new End(false, exit);
            for (CompletableFuture<End> f : e) f.complete(end);
        }
    }
}
