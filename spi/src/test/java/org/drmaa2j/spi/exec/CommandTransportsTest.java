// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.exec.ssh.SshTransport;
import org.junit.jupiter.api.Test;

/** Transports are found with ServiceLoader: the kit's own and one this test registers. */
class CommandTransportsTest {

    @Test
    void installed_kitsOwnAndRegisteredOne() {
        assertInstanceOf(LocalTransport.class, CommandTransports.find("local"));
        assertInstanceOf(DockerTransport.class, CommandTransports.find("docker"));
        assertInstanceOf(SshTransport.class, CommandTransports.find("SSH"));
        assertInstanceOf(PrefixingTestTransport.class, CommandTransports.find("wrapped"));
    }

    @Test
    void registeredTransport_contactParsesWithDriverPrefix() {
        Contact c = Contact.parse("slurm+wrapped://alice@localhost");
        assertEquals("wrapped", c.transport());
        assertEquals("alice", c.user());
        assertEquals("localhost", c.host());
    }

    @Test
    void registeredTransport_runsCommandsThroughIt_argumentsUnchanged() {
        try (CommandRunner r = CommandRunners.open(Contact.parse("wrapped://alice@localhost"), RetryPolicy.NONE, TransientFailures.common())) {
            assertEquals("alice", r.run(Command.of("printenv", "WRAPPED_FOR")).stdout().strip());
            String hostile = "a b'c\"$(id)`x`;\n*";
            assertEquals(hostile, r.run(Command.of("printf", "%s", hostile)).stdout());
        }
    }

    @Test
    void unknownTransport_refusedNamingContactAndListingInstalled() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Contact.parse("pbs+gateway://bob@portal"));
        assertEquals("contact", e.getField());
        for (String s : List.of("docker", "ssh", "wrapped")) assertTrue(e.getMessage().contains(s), e.getMessage());
        InvalidArgumentException f = assertThrows(InvalidArgumentException.class, () -> CommandTransports.find("gateway"));
        assertTrue(f.getMessage().contains("META-INF/services/org.drmaa2j.spi.exec.CommandTransport"), f.getMessage());
    }

    @Test
    void localScheme_isNotAUrlContact() {
        assertEquals(Contact.LOCAL, Contact.parse(""));
        assertEquals(Contact.LOCAL, Contact.parse("local"));
        assertThrows(InvalidArgumentException.class, () -> Contact.parse("local://me@here"));
    }
}
