// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.ExecConfig;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A one-container scheduler cluster: the container's hostname is {@code localhost}, jobs run
 * as the unprivileged user {@value #USER}, who can also log in over SSH with a key given by
 * {@link #withAuthorizedKey(String)}. The container reports readiness with a line on its
 * standard output.
 *
 * @param <SELF> the concrete container type, for fluent {@code with…} methods
 */
public abstract class ClusterContainer<SELF extends ClusterContainer<SELF>> extends GenericContainer<SELF> {

    /** The unprivileged user that submits and runs jobs. */
    public static final String USER = "drmaa";
    /** That user's home directory, the working directory of {@link #exec(String...)}. */
    public static final String HOME = "/home/" + USER;
    /** The SSH port inside the container. */
    public static final int SSH_PORT = 22;
    /** The only host address the SSH port is published on. */
    public static final String LOOPBACK = "127.0.0.1";

    private final List<String> authorizedKeys = new ArrayList<>();

    protected ClusterContainer(Future<String> image, String readyLine, Duration startupTimeout) {
        super(image);
        useLocalhostAndWaitFor(readyLine, startupTimeout);
    }

    protected ClusterContainer(DockerImageName image, String readyLine, Duration startupTimeout) {
        super(image);
        useLocalhostAndWaitFor(readyLine, startupTimeout);
    }

    private void useLocalhostAndWaitFor(String readyLine, Duration startupTimeout) {
        withExposedPorts(SSH_PORT);
        // the SSH port is published on the loopback interface only (Docker's default is every
        // interface); the host port stays Docker's choice
        withCreateContainerCmdModifier(cmd -> cmd.withHostName("localhost").getHostConfig()
                .withPortBindings(new PortBinding(Ports.Binding.bindIp(LOOPBACK), new ExposedPort(SSH_PORT))));
        waitingFor(Wait.forLogMessage(".*" + readyLine + ".*\\n", 1).withStartupTimeout(startupTimeout));
    }

    /**
     * Allows a public key to log in as {@value #USER} over SSH (key-only logins).
     *
     * @param publicKeyLine one {@code authorized_keys} line, e.g. {@code ssh-ed25519 AAAA… comment}
     * @return this container
     */
    public SELF withAuthorizedKey(String publicKeyLine) {
        if (publicKeyLine == null || publicKeyLine.isBlank() || publicKeyLine.contains("\n")) {
            throw new IllegalArgumentException("publicKeyLine must be one non-blank line");
        }
        authorizedKeys.add(publicKeyLine.strip());
        withEnv("SSH_AUTHORIZED_KEYS", String.join("\n", authorizedKeys));
        return self();
    }

    /**
     * Refuses a container whose SSH port Docker published on any address other than {@value #LOOPBACK}.
     *
     * @param info the started container
     * @throws IllegalStateException naming the bindings when one is not on the loopback interface
     */
    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        super.containerIsStarted(info);
        Ports.Binding[] bindings = info.getNetworkSettings().getPorts().getBindings().get(new ExposedPort(SSH_PORT));
        if (bindings == null || bindings.length == 0 || !Arrays.stream(bindings).allMatch(b -> LOOPBACK.equals(b.getHostIp()))) {
            throw new IllegalStateException("the SSH port of " + getDockerImageName() + " must be published on " + LOOPBACK
                    + " only, Docker published it on " + Arrays.toString(bindings));
        }
    }

    /** @return the local-host port mapped to the container's SSH port */
    public int getSshPort() {
        return getMappedPort(SSH_PORT);
    }

    /**
     * Runs a command as {@value #USER} in {@value #HOME}, as an argument vector (no shell).
     *
     * @param argv the program and its arguments
     * @return its exit code and output
     */
    public ExecOutcome exec(String... argv) {
        return exec(USER, HOME, argv);
    }

    /**
     * Runs a command as root, as an argument vector (no shell).
     *
     * @param argv the program and its arguments
     * @return its exit code and output
     */
    public ExecOutcome execAsRoot(String... argv) {
        return exec("root", "/", argv);
    }

    /**
     * Runs a command as {@value #USER} and returns its standard output.
     *
     * @param argv the program and its arguments
     * @return its standard output
     * @throws IllegalStateException naming the command and its output when it exits non-zero
     */
    public String execOrFail(String... argv) {
        ExecOutcome outcome = exec(argv);
        if (!outcome.succeeded()) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + outcome);
        }
        return outcome.stdout();
    }

    /**
     * Writes a file owned by {@value #USER}.
     *
     * @param path    absolute, or relative to {@value #HOME}
     * @param content the file's text (UTF-8)
     * @param mode    its permission bits, e.g. {@code 0755}
     * @return the absolute path in the container
     */
    public String putUserFile(String path, String content, int mode) {
        String target = path.startsWith("/") ? path : HOME + "/" + path;
        copyFileToContainer(Transferable.of(content.getBytes(StandardCharsets.UTF_8), mode), target);
        ExecOutcome chown = execAsRoot("chown", USER + ":" + USER, target);
        if (!chown.succeeded()) {
            throw new IllegalStateException("chown " + target + ": " + chown);
        }
        return target;
    }

    private ExecOutcome exec(String user, String workDir, String... argv) {
        if (argv.length == 0) {
            throw new IllegalArgumentException("argv must name a program");
        }
        ExecConfig config = ExecConfig.builder().user(user).workDir(workDir).command(argv).build();
        try {
            Container.ExecResult result = execInContainer(StandardCharsets.UTF_8, config);
            return new ExecOutcome(result.getExitCode(), result.getStdout(), result.getStderr());
        } catch (IOException e) {
            throw new UncheckedIOException("exec " + argv[0] + " in " + getContainerName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + argv[0], e);
        }
    }
}
