// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.exec.CommandMetrics;
import org.drmaa2j.spi.exec.ssh.SshOptions;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.SlurmContainer;

/**
 * The Slurm driver over SSH, measured from this machine against a started Slurm container's sshd
 * (its port mapped to 127.0.0.1), with a key made for the run ({@link Login}):
 * <ul>
 *   <li>one-by-one submission: the driver with an {@code slurm+ssh://} contact running {@link #SEQUENTIAL} (50)
 *       {@code /bin/true} jobs with {@code runJob}, against a shell loop of OpenSSH's {@code ssh}
 *       running {@code sbatch --parsable --wrap true} through a ControlMaster connection opened
 *       before timing, in {@link AlternatingRounds}; without an OpenSSH client the row says so;</li>
 *   <li>wait latency: {@link #WAITS} (20) jobs one after another, each with one waiter, as
 *       {@link SlurmWaitFigures} measures it (the job writes its end time as its last act, inside the
 *       container; the container shares this machine's clock), with completion markers read over the
 *       connection's SFTP channel.</li>
 * </ul>
 * Host keys are not verified on either side (a container made for the run, on 127.0.0.1).
 */
final class SlurmSshFigures {
    /** Jobs per round of the submission figure; the system property {@code bench.ssh.jobs} overrides it. */
    static final int SEQUENTIAL = Integer.getInteger("bench.ssh.jobs", 50);
    static final int ROUNDS = 5;
    /** Jobs of the wait figure; the system property {@code bench.ssh.waits} overrides it. */
    static final int WAITS = Integer.getInteger("bench.ssh.waits", 20);
    private static final String HOST = "127.0.0.1";

    private SlurmSshFigures() {
    }

    /** A key pair made for one run: the private key in an OpenSSH file of a directory of its own. */
    record Login(Path dir, Path privateKey, String publicKeyLine) {
        static Login create() {
            try {
                Path dir = Files.createTempDirectory("drmaa2j-bench-ssh");
                KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
                Path file = dir.resolve("id_ed25519");
                try (OutputStream out = Files.newOutputStream(file)) {
                    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "drmaa2j-bench", null, out);
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                return new Login(dir, file, PublicKeyEntry.toString(key.getPublic()) + " drmaa2j-bench");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make an SSH key", e);
            }
        }

        void delete() {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                System.out.println("cannot remove " + dir + ": " + e);
            }
        }
    }

    /**
     * @param cluster a started Slurm container that lets {@code login}'s key in
     * @param login   the key
     * @param table   the table of this run
     * @throws Exception when measuring failed
     */
    static void measure(SlurmContainer cluster, Login login, ResultTable table) throws Exception {
        Map<String, String> p = new HashMap<>(Map.of(
                "drmaa2j.contact", "slurm+ssh://" + ClusterContainer.USER + "@" + HOST + ":" + cluster.getSshPort() + "/",
                SshOptions.IDENTITY, login.privateKey().toString(),
                SshOptions.STRICT_HOST_KEY_CHECKING, "false",
                SshOptions.AGENT_SOCKET, "none"));
        try (SessionManager sm = Drmaa2.getSessionManager("slurm", p)) {
            String release = sm.getDrmsVersion().toString();
            submission(cluster, login, sm, table, release);
            waits(cluster, sm, table, release);
        }
    }

    private static void submission(SlurmContainer cluster, Login login, SessionManager sm, ResultTable table, String release)
            throws Exception {
        String measure = "Slurm " + release + " over SSH: submit " + SEQUENTIAL + " jobs one by one (median of " + ROUNDS
                + " alternating rounds after a warm-up round, ms)";
        JobTemplate trivial = JobTemplate.builder("/bin/true").build();
        AlternatingRounds.Side ours = round -> {
            double ms;
            try (JobSession js = sm.createJobSession("bench-ssh-seq-" + round + "-" + System.nanoTime(), null)) {
                CommandMetrics.reset();
                long t0 = System.nanoTime();
                for (int i = 0; i < SEQUENTIAL; i++) js.runJob(trivial);
                ms = (System.nanoTime() - t0) / 1e6;
            }
            // where the time went: the commands' own share of it
            System.out.println("  drmaa2j round " + round + ": commands " + CommandMetrics.counts() + ", ms " + CommandMetrics.millis());
            cancelAll(cluster);
            return ms;
        };
        String ssh = openSsh();
        if (ssh == null) {
            Samples alone = new Samples();
            ours.millis(-1); // the warm-up round
            for (int r = 0; r < ROUNDS; r++) alone.add(ours.millis(r));
            table.add(measure, ResultTable.fmt(alone.median()), "not measured: no OpenSSH client", "-", "≤ 1.30×",
                    "no: not measured: no OpenSSH client");
            return;
        }
        List<String> options = List.of("-o", "ControlMaster=auto", "-o", "ControlPath=" + login.dir() + "/cm-%C",
                "-o", "ControlPersist=60", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-i", login.privateKey().toString(),
                "-p", Integer.toString(cluster.getSshPort()), ClusterContainer.USER + "@" + HOST);
        // the master connection, opened before timing (ControlPersist keeps it in the background)
        List<String> open = new ArrayList<>(List.of(ssh));
        open.addAll(options);
        open.add("true");
        if (new ProcessBuilder(open).inheritIO().start().waitFor() != 0) throw new IllegalStateException("ssh to the container failed");
        String loop = "for i in $(seq " + SEQUENTIAL + "); do \"$0\" \"$@\" sbatch --parsable --wrap true >/dev/null || exit 1; done";
        List<String> loopArgv = new ArrayList<>(List.of("/bin/bash", "-c", loop, ssh));
        loopArgv.addAll(options);
        AlternatingRounds.Side reference = round -> {
            long t0 = System.nanoTime();
            int rc = new ProcessBuilder(loopArgv).inheritIO().start().waitFor();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (rc != 0) throw new IllegalStateException("the ssh loop of sbatch failed, exit " + rc);
            cancelAll(cluster);
            return ms;
        };
        try {
            AlternatingRounds.Result r = AlternatingRounds.run("submission over SSH (reference: ssh loop)", ROUNDS, ours, reference);
            double ratio = r.ratio();
            table.add(measure, ResultTable.fmt(r.ours().median()),
                    ResultTable.fmt(r.reference().median()) + " (shell loop of OpenSSH ssh, ControlMaster, running sbatch --parsable --wrap true)",
                    ResultTable.fmt(ratio) + "×", "≤ 1.30×", ratio <= 1.30 ? "yes" : "no");
        } finally {
            List<String> exit = new ArrayList<>(List.of(ssh, "-O", "exit"));
            exit.addAll(options);
            new ProcessBuilder(exit).inheritIO().start().waitFor();
        }
    }

    private static void waits(SlurmContainer cluster, SessionManager sm, ResultTable table, String release) throws Exception {
        String ends = ClusterContainer.HOME + "/bench-ssh-ends-" + System.nanoTime();
        cluster.execOrFail("mkdir", "-p", ends);
        JobTemplate t = SlurmWaitFigures.slurmJob(ends);
        Map<String, Long> returned = new HashMap<>();
        long t0 = System.nanoTime();
        try (JobSession js = sm.createJobSession("bench-ssh-wait-" + System.nanoTime(), null)) {
            CommandMetrics.reset();
            for (int i = 0; i < WAITS; i++) {
                JobArray one = js.runBulkJobs(t, 1, 1, 1, 0);
                returned.putAll(WaitFigures.waitEach(one.getJobs()));
            }
        } finally {
            cancelAll(cluster);
        }
        // every end file as "name:time" lines
        ExecOutcome files = cluster.exec("sh", "-c", "cd \"$0\" && grep -H . -- *", ends);
        Map<String, String> endTimes = new HashMap<>();
        for (String line : files.stdout().split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) endTimes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        WaitFigures.Latencies l = WaitFigures.latencies(returned, endTimes);
        System.out.println("wait over SSH, 1 waiter, " + WAITS + " jobs one after another: " + l + "; took "
                + ResultTable.fmt((System.nanoTime() - t0) / 1e9) + " s, " + CommandMetrics.statusTicks() + " status ticks, commands "
                + CommandMetrics.counts());
        Samples s = l.samples();
        table.add("Slurm " + release + " over SSH: waitTerminated latency after the job's end, 1 waiter, " + WAITS
                        + " jobs one after another (p50 / p95 ms)",
                l.cell(),
                "-", "-", "p50 ≤ 300 ms", s.size() > 0 && s.median() <= 300 ? "yes" : "no");
    }

    private static void cancelAll(SlurmContainer cluster) {
        cluster.exec("sh", "-c", Shell.CANCEL_ALL);
    }

    /** @return the OpenSSH client on the {@code PATH}, or null */
    private static String openSsh() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            Path ssh = Path.of(d.isEmpty() ? "." : d, "ssh");
            if (Files.isExecutable(ssh)) return ssh.toString();
        }
        return null;
    }
}
