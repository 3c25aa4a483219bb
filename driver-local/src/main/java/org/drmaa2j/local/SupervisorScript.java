// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.drmaa2j.ImplementationSpecificException;
import org.drmaa2j.spi.store.AtomicFiles;

/**
 * The fixed Perl job supervisor ({@link JobSupervisor}), installed into the state directory under a
 * name derived from its content. Perl is used because it forks and execs with full control of the
 * child (process group, signals, redirects) and reads the wait status and CPU time the job left,
 * and Debian always has it (perl-base).
 */
final class SupervisorScript {
    private static final String RESOURCE = "job-supervisor.pl";

    private final Path perl;
    private final Path script;

    private SupervisorScript(Path perl, Path script) {
        this.perl = perl;
        this.script = script;
    }

    static SupervisorScript install(Path binDir) {
        Path perl = Executables.find("perl");
        if (perl == null) throw new ImplementationSpecificException("the local driver needs perl on the PATH to run jobs");
        try (InputStream in = SupervisorScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new ImplementationSpecificException("the job supervisor resource is missing");
            byte[] text = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)).substring(0, 12);
            AtomicFiles.privateDirectories(binDir);
            Path script = binDir.resolve("job-supervisor-" + hash + ".pl");
            if (!Files.isRegularFile(script)) AtomicFiles.write(script, text);
            return new SupervisorScript(perl, script);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ImplementationSpecificException("cannot install the job supervisor in " + binDir + ": " + e.getMessage(), e);
        }
    }

    /** @return a supervisor client running this script (its process starts with the first job) */
    JobSupervisor supervisor() {
        return new JobSupervisor(perl, script);
    }

    /** @return the interpreter */
    Path perl() {
        return perl;
    }

    /** @return the installed script */
    Path script() {
        return script;
    }
}
