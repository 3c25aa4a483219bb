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
 * The fixed Perl wrapper every local job runs under, installed into the state directory under a
 * name derived from its content. Perl is used because it reports the full wait status (exit status
 * and signal apart) and the child's CPU time, and Debian always has it (perl-base).
 */
final class JobWrapper {
    private static final String RESOURCE = "job-wrapper.pl";

    private final Path perl;
    private final Path script;

    private JobWrapper(Path perl, Path script) {
        this.perl = perl;
        this.script = script;
    }

    static JobWrapper install(Path binDir) {
        Path perl = Executables.find("perl");
        if (perl == null) throw new ImplementationSpecificException("the local driver needs perl on the PATH to run jobs");
        try (InputStream in = JobWrapper.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new ImplementationSpecificException("the job wrapper resource is missing");
            byte[] text = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)).substring(0, 12);
            AtomicFiles.privateDirectories(binDir);
            Path script = binDir.resolve("job-wrapper-" + hash + ".pl");
            if (!Files.isRegularFile(script)) AtomicFiles.write(script, text);
            return new JobWrapper(perl, script);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ImplementationSpecificException("cannot install the job wrapper in " + binDir + ": " + e.getMessage(), e);
        }
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
