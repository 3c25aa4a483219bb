// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults from the configuration file, a Java properties file: {@value #ENV} names it, else
 * {@code ~/.config/drmaa2j/drmaa2.properties} (under {@code $XDG_CONFIG_HOME} when that is set). Keys:
 * {@code driver}, {@code contact}, {@code session}, {@code queue} and {@code account}; options given on
 * the command line win. A missing file means no defaults; an unknown key is an error naming it.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    /** Environment variable naming the configuration file. */
    static final String ENV = "DRMAA2J_CONFIG";
    /** The keys the file may set, each the long name of the option it sets. */
    static final Set<String> KEYS = Set.of("driver", "contact", "session", "queue", "account");

    private final Path file;
    private final Properties values;

    private ConfigDefaults(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** @return the defaults of the file the environment names, or of the default file */
    static ConfigDefaults load(Map<String, String> env, String userHome) {
        return load(location(env, userHome));
    }

    /** @return the path of the configuration file, whether it exists or not */
    static Path location(Map<String, String> env, String userHome) {
        String named = env.get(ENV);
        if (named != null && !named.isBlank()) return Path.of(named);
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config");
        return base.resolve("drmaa2j").resolve("drmaa2.properties");
    }

    static ConfigDefaults load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
            }
            for (String k : p.stringPropertyNames()) {
                if (!KEYS.contains(k)) {
                    throw new IllegalArgumentException("unknown key '" + k + "' in the configuration file " + file
                            + "; known keys: " + KEYS.stream().sorted().toList());
                }
            }
        }
        return new ConfigDefaults(file, p);
    }

    /** @return the file the defaults come from */
    Path file() {
        return file;
    }

    /** @return the file's value of a key, or null */
    String get(String key) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) return null;
        return get(option.longestName().replaceFirst("^-+", ""));
    }
}
