// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.InvalidArgumentException;

/**
 * Finds and loads the DRMAA 1.0 C library. The property {@value #LIBRARY_PROPERTY} (driver property
 * or system property) wins, then the environment variable {@value #LIBRARY_ENV} (the name Grid
 * Engine's and drmaa-utils' Python and R bindings use), then a few well-known install locations.
 * A missing library is an error naming both settings and every path tried.
 */
public final class DrmaaLibraryLocator {
    /** Driver or system property: the path of the DRMAA 1.0 C library. */
    public static final String LIBRARY_PROPERTY = "drmaa2j.drmaa.library";
    /** Environment variable: the path of the DRMAA 1.0 C library. */
    public static final String LIBRARY_ENV = "DRMAA_LIBRARY_PATH";

    /** Well-known locations tried when neither setting is given. */
    static final List<String> WELL_KNOWN = List.of(
            "/usr/lib/gridengine-drmaa/lib/libdrmaa.so.1.0",
            "/usr/lib/x86_64-linux-gnu/libdrmaa.so.1",
            "/usr/lib/x86_64-linux-gnu/libdrmaa.so",
            "/usr/lib64/libdrmaa.so.1",
            "/usr/lib64/libdrmaa.so",
            "/usr/local/lib/libdrmaa.so.1",
            "/usr/local/lib/libdrmaa.so");

    private final Function<String, Optional<String>> property;
    private final Function<String, String> env;

    /**
     * @param property driver properties lookup (falls back to system properties)
     * @param env environment lookup, {@code System::getenv} in production
     */
    public DrmaaLibraryLocator(Function<String, Optional<String>> property, Function<String, String> env) {
        this.property = property;
        this.env = env;
    }

    /**
     * @return the candidate paths in the order they are tried; only the configured one when a
     *         setting is given (a wrong setting is an error, never silently replaced)
     */
    public List<String> candidates() {
        Optional<String> p = property.apply(LIBRARY_PROPERTY);
        if (p.isPresent()) return List.of(p.get());
        String e = env.apply(LIBRARY_ENV);
        if (e != null && !e.isBlank()) return List.of(e.trim());
        Set<String> out = new LinkedHashSet<>();
        String sgeRoot = env.apply("SGE_ROOT");
        if (sgeRoot != null && !sgeRoot.isBlank()) {
            out.add(sgeRoot + "/lib/lx-amd64/libdrmaa.so.1.0");
            out.add(sgeRoot + "/lib/lx-amd64/libdrmaa.so");
        }
        out.addAll(WELL_KNOWN);
        return new ArrayList<>(out);
    }

    /** @return the first candidate that exists as a file */
    public String locate() {
        List<String> tried = candidates();
        for (String c : tried) {
            if (Files.isRegularFile(Path.of(c))) return c;
        }
        throw new InvalidArgumentException(LIBRARY_PROPERTY, "no DRMAA 1.0 C library (libdrmaa) found: set the property "
                + LIBRARY_PROPERTY + " or the environment variable " + LIBRARY_ENV + " to its path; tried " + tried);
    }

    /**
     * @return the loaded library
     * @throws InvalidArgumentException if no library is found
     * @throws DrmCommunicationException if it is found but cannot be loaded, with the loader's words
     */
    public DrmaaLibrary load() {
        String path = locate();
        try {
            return Native.load(path, DrmaaLibrary.class, Map.of());
        } catch (UnsatisfiedLinkError e) {
            throw new DrmCommunicationException(loadFailure(path, e.getMessage()), e);
        }
    }

    /**
     * @param path the library
     * @param loaderMessage what the dynamic loader said
     * @return the message, with the cure for glibc's static TLS refusal when that was the cause
     */
    static String loadFailure(String path, String loaderMessage) {
        String msg = "cannot load the DRMAA library " + path + ": " + loaderMessage;
        if (loaderMessage != null && loaderMessage.contains("static TLS")) {
            msg += " — start the JVM with GLIBC_TUNABLES=glibc.rtld.optional_static_tls=16384"
                    + " (or LD_PRELOAD=libjemalloc.so.2) in its environment";
        }
        return msg;
    }
}
