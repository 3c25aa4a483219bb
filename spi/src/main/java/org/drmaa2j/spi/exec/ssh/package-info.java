// SPDX-License-Identifier: Apache-2.0
/**
 * Driving a scheduler on a login node over SSH (Apache MINA SSHD, no native code).
 *
 * <p><b>Contact.</b> One form for every command-line driver: {@code <driver>+ssh://USER@HOST:PORT/},
 * for example {@code slurm+ssh://alice@login.example.org:22/}; {@code ssh://USER@HOST:PORT/}
 * without the driver name means the same, the port defaults to 22 and the user to the local user
 * name. See {@link org.drmaa2j.spi.exec.Contact}.
 *
 * <p><b>One connection.</b> Everything that uses a contact in one JVM shares one authenticated
 * connection: each command gets its own exec channel ({@link SshCommandRunner}), the session store
 * one SFTP channel shared by all its threads ({@link RemoteStateDirectory}). At most
 * {@value SshOptions#MAX_CHANNELS} commands run at once (default 8: with the SFTP channel, under
 * OpenSSH's {@code MaxSessions} of 10); further commands wait. When the connection drops, the next use reconnects. A command cut off by the drop
 * is run once more when it is retryable; a command that is not ({@link
 * org.drmaa2j.spi.exec.Command#notRetryable()}, a submission) fails with {@link
 * org.drmaa2j.DrmCommunicationException} saying that its fate is unknown.
 *
 * <p><b>No shell string from user text.</b> SSH hands the remote login shell one command string, so
 * every argv element is single-quoted (POSIX) and arrives at the program byte for byte; standard
 * input (job scripts) travels on the channel.
 *
 * <p><b>Authentication</b> by public key: the files of {@value SshOptions#IDENTITY} (comma-separated),
 * else {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}; and the keys of the SSH agent at
 * {@code SSH_AUTH_SOCK} (or {@value SshOptions#AGENT_SOCKET}; {@code none} for no agent), spoken to
 * over its Unix domain socket. Passphrase-protected key files are used through the agent.
 *
 * <p><b>Host keys</b> are verified against {@code ~/.ssh/known_hosts} (or
 * {@value SshOptions#KNOWN_HOSTS}); an unknown or changed key refuses the connection, naming the file
 * and the fingerprint, and the file is never written. Opting out is explicit and logged on every
 * connection: {@value SshOptions#STRICT_HOST_KEY_CHECKING}{@code =false}.
 *
 * <p><b>Sessions from any machine.</b> When the driver's default contact ({@code drmaa2j.contact})
 * is an SSH contact, the persistent session store lives on the SSH host, in
 * {@value SshOptions#REMOTE_STATE_DIR} (default {@code .drmaa2j/<driver>} under the home directory
 * there): every machine that reaches the host as the same user opens the same sessions and jobs.
 * {@value SshOptions#REMOTE_STORE}{@code =false} keeps the store on this machine.
 */
package org.drmaa2j.spi.exec.ssh;
