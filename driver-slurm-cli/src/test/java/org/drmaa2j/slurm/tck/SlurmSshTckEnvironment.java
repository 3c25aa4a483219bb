// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.tck;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;
import org.drmaa2j.spi.exec.CommandRunners;
import org.drmaa2j.spi.exec.Contact;
import org.drmaa2j.spi.exec.RetryPolicy;
import org.drmaa2j.spi.exec.TransientFailures;
import org.drmaa2j.spi.exec.ssh.SshOptions;
import org.drmaa2j.spi.util.DriverSettings;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.SlurmVersion;
import org.drmaa2j.tck.containers.ContainerTckEnvironment;

/**
 * The TCK against the same Slurm container, with the driver on the other side of SSH: contact
 * {@code slurm+ssh://drmaa@localhost:<mapped port>/}, a key made for this run and authorised in the
 * container, host key verification ON against a known-hosts file holding the container's real host
 * keys (read inside the container). The session store lives in the container, over SFTP. If sshd
 * does not let the key in, {@link #start()} fails.
 */
public final class SlurmSshTckEnvironment extends ContainerTckEnvironment<SlurmContainer> {
    private Path dir;
    private KeyPair key;

    @Override
    public String name() {
        return "slurm-ssh";
    }

    @Override
    public String driverName() {
        return "slurm";
    }

    @Override
    protected SlurmContainer newCluster() {
        try {
            dir = Files.createTempDirectory("drmaa2j-tck-ssh");
            key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            try (OutputStream out = Files.newOutputStream(dir.resolve("id_ed25519"))) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "drmaa2j-tck", null, out);
            }
            Files.setPosixFilePermissions(dir.resolve("id_ed25519"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an SSH key", e);
        }
        return new SlurmContainer(SlurmVersion.fromSystemProperty()).withAuthorizedKey(PublicKeyEntry.toString(key.getPublic()) + " drmaa2j-tck");
    }

    @Override
    public void start() {
        super.start();
        ExecOutcome keys = cluster().execAsRoot("sh", "-c", "cat /etc/ssh/ssh_host_*_key.pub");
        if (!keys.succeeded() || keys.stdout().isBlank()) throw new IllegalStateException("cannot read the container's host keys: " + keys);
        List<String> lines = new ArrayList<>();
        for (String l : keys.stdout().split("\n")) {
            String[] f = l.strip().split("\\s+");
            if (f.length >= 2) lines.add("[localhost]:" + cluster().getSshPort() + " " + f[0] + " " + f[1]);
        }
        try {
            Files.write(dir.resolve("known_hosts"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (CommandRunner r = CommandRunners.open(Contact.parse(contact()), RetryPolicy.NONE, TransientFailures.common(),
                new DriverSettings("slurm", driverProperties()))) {
            CommandResult who = r.run(Command.of("id", "-un"));
            if (!who.succeeded() || !who.stdout().strip().equals(ClusterContainer.USER)) {
                throw new IllegalStateException("SSH login to " + contact() + " does not work: " + who.describeFailure());
            }
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (dir != null) {
            for (String f : List.of("id_ed25519", "known_hosts")) dir.resolve(f).toFile().delete();
            dir.toFile().delete();
        }
    }

    @Override
    public String contact() {
        return "slurm+ssh://" + ClusterContainer.USER + "@localhost:" + cluster().getSshPort() + "/";
    }

    @Override
    protected Map<String, String> extraDriverProperties() {
        return Map.of(SshOptions.IDENTITY, dir.resolve("id_ed25519").toString(),
                SshOptions.KNOWN_HOSTS, dir.resolve("known_hosts").toString(),
                SshOptions.STRICT_HOST_KEY_CHECKING, "true",
                SshOptions.AGENT_SOCKET, "none");
    }

    @Override
    public List<String> queueNames() {
        return List.of(SlurmContainer.DEFAULT_PARTITION, SlurmContainer.OTHER_PARTITION);
    }

    /** @return the container, for tests that look at the login node's files */
    SlurmContainer loginNode() {
        return cluster();
    }
}
