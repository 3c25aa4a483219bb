// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.Version;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.CommandRunner;

/**
 * Tells the flavour by what the commands report: {@code qstat --version} prints
 * {@code pbs_version = 23.06.06} on OpenPBS/PBS Pro and {@code Version: 6.1.3} on Torque; Slurm's
 * Perl wrapper rejects the option, and then {@code sinfo --version} ({@code slurm 22.05.8})
 * identifies Slurm. The driver property {@value PbsDialect#PROPERTY} skips the guess.
 */
final class PbsDialectDetector {
    private static final Pattern PBS = Pattern.compile("(?im)^\\s*pbs_version\\s*=\\s*(\\S+)");
    private static final Pattern TORQUE = Pattern.compile("(?im)^\\s*version:\\s*(\\S+)");
    private static final Pattern SLURM = Pattern.compile("(?im)^\\s*slurm(?:-wlm)?\\s+(\\S+)");

    /**
     * @param dialect the flavour
     * @param version its version, {@code unknown} when it could not be read
     */
    record Detected(PbsDialect dialect, Version version) {
    }

    private PbsDialectDetector() {
    }

    /**
     * @param runner where the commands run
     * @param override the dialect property's value, or null
     * @return the flavour and version
     * @throws DrmCommunicationException when neither qstat nor sinfo says which scheduler this is
     */
    static Detected detect(CommandRunner runner, String override) {
        CommandResult q = runner.run(Command.of("qstat", "--version"));
        Optional<Detected> fromQstat = fromQstatVersion(q.stdout() + "\n" + q.stderr());
        if (override != null) {
            PbsDialect d = PbsDialect.fromProperty(override);
            Version v = fromQstat.filter(x -> x.dialect() == d).map(Detected::version).orElse(new Version("unknown", "unknown"));
            return new Detected(d, v);
        }
        if (fromQstat.isPresent()) return fromQstat.get();
        CommandResult s = runner.run(Command.of("sinfo", "--version"));
        Optional<Detected> slurm = fromSinfoVersion(s.stdout());
        if (s.succeeded() && slurm.isPresent()) return slurm.get();
        throw new DrmCommunicationException("cannot tell OpenPBS/PBS Pro, Torque or Slurm's Torque wrappers apart (set "
                + PbsDialect.PROPERTY + "): " + q.describeFailure());
    }

    /**
     * @param text what {@code qstat --version} printed, standard output and error
     * @return the flavour it reveals, if any
     */
    static Optional<Detected> fromQstatVersion(String text) {
        Matcher p = PBS.matcher(text);
        if (p.find()) return Optional.of(new Detected(PbsDialect.PBSPRO, Version.parse(p.group(1))));
        Matcher t = TORQUE.matcher(text);
        if (t.find() && !text.toLowerCase(Locale.ROOT).contains("unknown option")) {
            return Optional.of(new Detected(PbsDialect.TORQUE, Version.parse(t.group(1))));
        }
        return Optional.empty();
    }

    /**
     * @param text what {@code sinfo --version} printed
     * @return Slurm's wrappers with Slurm's version, if the text names Slurm
     */
    static Optional<Detected> fromSinfoVersion(String text) {
        Matcher m = SLURM.matcher(text);
        return m.find() ? Optional.of(new Detected(PbsDialect.SLURM_WRAPPERS, Version.parse(m.group(1)))) : Optional.empty();
    }
}
