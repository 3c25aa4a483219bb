// SPDX-License-Identifier: Apache-2.0
/**
 * The driver kit every drmaa2j driver builds on: the generic session layer, command runners and their
 * transports, the command-line driver kit, script rendering, parsers, the persistent session store, settings and the CDI producer.
 * Its packages are the contract for driver authors. Jinjava has no module name of its own, so it is
 * read as the automatic module {@code jinjava} named after its jar.
 */
module org.drmaa2j.spi {
    requires transitive org.drmaa2j;
    requires transitive org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires jinjava;
    // Jinjava, an automatic module, cannot say that it needs Commons Lang, an explicit one: without this line
    // the module path leaves Commons Lang out and rendering a job script fails
    requires org.apache.commons.lang3;
    requires org.apache.sshd.osgi;
    requires org.apache.sshd.sftp;
    requires com.sun.jna;
    requires static jakarta.inject;
    requires static jakarta.cdi;

    exports org.drmaa2j.spi.backend;
    exports org.drmaa2j.spi.cdi;
    exports org.drmaa2j.spi.cli;
    exports org.drmaa2j.spi.exec;
    exports org.drmaa2j.spi.exec.ssh;
    exports org.drmaa2j.spi.parse;
    exports org.drmaa2j.spi.resources;
    exports org.drmaa2j.spi.script;
    exports org.drmaa2j.spi.session;
    exports org.drmaa2j.spi.store;
    exports org.drmaa2j.spi.util;

    // JNA implements the posix_spawn binding's interfaces and reads its structures reflectively
    opens org.drmaa2j.spi.exec to com.sun.jna;
    // a CDI container builds the producer bean reflectively
    opens org.drmaa2j.spi.cdi;

    uses org.drmaa2j.spi.exec.CommandTransport;
    provides org.drmaa2j.spi.exec.CommandTransport with org.drmaa2j.spi.exec.LocalTransport,
            org.drmaa2j.spi.exec.DockerTransport, org.drmaa2j.spi.exec.ssh.SshTransport;
}
