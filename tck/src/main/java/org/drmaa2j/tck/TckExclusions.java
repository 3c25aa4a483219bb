// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The assertions a driver excludes from its TCK runs, each with its reason, in one machine-read file
 * instead of surefire excludes: {@value #RESOURCE} on the driver's test class path (its
 * {@code src/test/resources}), or the file named by the system property {@value #FILE_PROPERTY}. The
 * file is a properties file; a key is an assertion id ({@code JOB-14}) or an environment and an id
 * ({@code slurm-ssh/JOB-14}, for that environment only), its value the reason, which must not be empty:
 *
 * <pre>
 * # the Torque wrappers of this site cannot suspend jobs at all
 * JOB-14 = qsig is not installed on the login node
 * </pre>
 *
 * An excluded test does not run; the report shows it as {@code excluded} with the reason.
 */
public final class TckExclusions {
    /** The class-path resource a driver's tests provide. */
    public static final String RESOURCE = "drmaa2j-tck-exclusions.properties";
    /** System property naming an exclusions file that replaces the resource. */
    public static final String FILE_PROPERTY = "drmaa2j.tck.exclusions";
    /** How the reason of a disabled test starts, so that the report tells an exclusion from other skips. */
    public static final String REASON_PREFIX = "excluded by " + RESOURCE + ": ";

    private final Map<String, String> reasons;
    private final String source;

    private TckExclusions(Map<String, String> reasons, String source) {
        this.reasons = reasons;
        this.source = source;
    }

    /**
     * @param loader where to look for {@value #RESOURCE}
     * @return the exclusions of the file named by {@value #FILE_PROPERTY}, else of the first resource found, else none
     * @throws IllegalStateException if the file cannot be read or an exclusion has no reason
     */
    public static TckExclusions load(ClassLoader loader) {
        String file = TckSettings.get(FILE_PROPERTY);
        try {
            if (file != null) {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    return parse(in, file);
                }
            }
            URL url = loader == null ? null : loader.getResource(RESOURCE);
            if (url == null) return new TckExclusions(Map.of(), "none");
            try (InputStream in = url.openStream()) {
                return parse(in, url.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TCK exclusions " + (file != null ? file : RESOURCE) + ": " + e.getMessage(), e);
        }
    }

    static TckExclusions parse(InputStream in, String source) throws IOException {
        Properties p = new Properties();
        p.load(in);
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            String reason = p.getProperty(k).strip();
            if (reason.isEmpty()) throw new IllegalStateException(source + ": the exclusion of " + k + " gives no reason");
            if (!k.matches("([A-Za-z0-9._-]+/)?[A-Z]+-\\d+")) {
                throw new IllegalStateException(source + ": '" + k + "' is neither an assertion id such as JOB-14 nor ENVIRONMENT/ID");
            }
            m.put(k, reason);
        }
        return new TckExclusions(Map.copyOf(m), source);
    }

    /**
     * @param assertionId an assertion id
     * @param environment the environment's name
     * @return why the assertion is excluded in that environment, if it is
     */
    public Optional<String> reason(String assertionId, String environment) {
        String r = reasons.get(environment + "/" + assertionId);
        return Optional.ofNullable(r != null ? r : reasons.get(assertionId));
    }

    /** @return every exclusion: key ({@code ID} or {@code ENVIRONMENT/ID}) to reason */
    public Map<String, String> all() {
        return reasons;
    }

    /** @return where the exclusions were read from, or {@code none} */
    public String source() {
        return source;
    }
}
