// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlurmContainerIT {

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKfakefakefakefakefakefakefakefakefakefakefake test@drmaa2j";

    private static SlurmContainer slurm;

    @BeforeAll
    static void start() {
        slurm = new SlurmContainer().withAuthorizedKey(KEY);
        Instant begin = Instant.now();
        slurm.getDockerImageName();
        Instant built = Instant.now();
        slurm.start();
        System.out.printf("image: %d ms, start to ready: %d ms%n",
                Duration.between(begin, built).toMillis(), Duration.between(built, Instant.now()).toMillis());
    }

    @AfterAll
    static void stop() {
        if (slurm != null) {
            slurm.stop();
        }
    }

    @Test
    void sbatch_exitStatusReachesSacct() throws InterruptedException {
        slurm.putUserFile("exit3.sh", "#!/bin/bash\nexit 3\n", 0755);
        String id = slurm.execOrFail("sbatch", "--parsable", "exit3.sh").strip();
        assertTrue(id.matches("\\d+"), id);
        assertEquals(id + "|FAILED|3:0", awaitFinalState(id));
    }

    @Test
    void sbatch_fakeGpuIsScheduled() throws InterruptedException {
        slurm.putUserFile("gpu.sh", "#!/bin/bash\necho \"gpus=$SLURM_GPUS_ON_NODE\"\n", 0755);
        String id = slurm.execOrFail("sbatch", "--parsable", "--gres=gpu:1", "-p",
                SlurmContainer.OTHER_PARTITION, "-o", "gpu-%j.out", "gpu.sh").strip();
        assertEquals(id + "|COMPLETED|0:0", awaitFinalState(id));
        assertEquals("gpus=1", slurm.execOrFail("cat", "gpu-" + id + ".out").strip());
    }

    @Test
    void sbatch_unknownPartitionFailsWithSlurmsWords() {
        ExecOutcome outcome = slurm.exec("sbatch", "-p", "nosuch", "--wrap", "true");
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.stderr().contains("Invalid partition name specified"), outcome.toString());
    }

    @Test
    void scontrolSuspend_isRefusedToUsers() {
        String id = slurm.execOrFail("sbatch", "--parsable", "--hold", "--wrap", "sleep 60").strip();
        ExecOutcome outcome = slurm.exec("scontrol", "suspend", id);
        slurm.execOrFail("scancel", id);
        assertFalse(outcome.succeeded(), outcome.toString());
        assertTrue(outcome.stderr().contains("Access/permission denied"), outcome.toString());
    }

    @Test
    void withAuthorizedKey_installsTheKeyForTheUser() {
        ExecOutcome keys = slurm.execAsRoot("cat", ClusterContainer.HOME + "/.ssh/authorized_keys");
        assertEquals(KEY, keys.stdout().strip(), keys.toString());
        assertEquals(ClusterContainer.USER, slurm.execOrFail("stat", "-c", "%U", ".ssh/authorized_keys").strip());
    }

    @Test
    void scancelStopCont_suspendsAndResumesForTheOwner() throws InterruptedException {
        String id = slurm.execOrFail("sbatch", "--parsable", "--wrap", "sleep 60").strip();
        awaitQueueState(id, "RUNNING");
        slurm.execOrFail("scancel", "-s", "STOP", id);
        assertEquals("STOPPED", awaitQueueState(id, "STOPPED"));
        slurm.execOrFail("scancel", "-s", "CONT", id);
        assertEquals("RUNNING", awaitQueueState(id, "RUNNING"));
        slurm.execOrFail("scancel", id);
    }

    @Test
    void qsub_torqueWrapperSubmitsToSlurm() throws InterruptedException {
        slurm.putUserFile("exit4.sh", "#!/bin/bash\nexit 4\n", 0755);
        String id = slurm.execOrFail("qsub", "exit4.sh").strip();
        assertTrue(id.matches("\\d+"), id);
        assertEquals(id + "|FAILED|4:0", awaitFinalState(id));
    }

    @Test
    void ssh_portIsMappedOnLocalhost() throws Exception {
        Ports.Binding[] bindings = slurm.getContainerInfo().getNetworkSettings().getPorts().getBindings()
                .get(new ExposedPort(ClusterContainer.SSH_PORT));
        assertTrue(bindings.length > 0 && Arrays.stream(bindings).allMatch(b -> "127.0.0.1".equals(b.getHostIp())),
                "the SSH port is published on 127.0.0.1 only: " + Arrays.toString(bindings));
        try (Socket socket = new Socket("127.0.0.1", slurm.getSshPort());
             BufferedReader in = new BufferedReader(
                     new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            socket.setSoTimeout(60_000);
            assertTrue(in.readLine().startsWith("SSH-2.0-"));
        }
    }

    /** Polls {@code squeue} until the job shows the state, and returns the last state seen. */
    private static String awaitQueueState(String id, String state) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180); // a safety cap: seconds on an idle machine
        String seen = "";
        while (Instant.now().isBefore(deadline) && !seen.equals(state)) {
            Thread.sleep(200);
            seen = slurm.execOrFail("squeue", "-h", "-j", id, "-o", "%T").strip();
        }
        return seen;
    }

    /** Polls {@code sacct -P} until the job's allocation line shows a final state. */
    private static String awaitFinalState(String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(300); // a safety cap: seconds on an idle machine
        String line = "";
        while (Instant.now().isBefore(deadline)) {
            line = slurm.execOrFail("sacct", "-n", "-X", "-P", "-j", id, "--format=JobID,State,ExitCode").strip();
            if (!line.isEmpty() && !line.contains("PENDING") && !line.contains("RUNNING")
                    && !line.contains("COMPLETING")) {
                return line;
            }
            Thread.sleep(500);
        }
        return line;
    }
}
