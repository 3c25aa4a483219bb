// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import org.drmaa2j.InvalidArgumentException;

/**
 * The installed {@link CommandTransport}s, found with {@link java.util.ServiceLoader} through the thread's
 * context class loader and the kit's own, once per class loader. The kit's own transports ({@code local},
 * {@code docker}, {@code ssh}) are registered the same way; a transport found first for a scheme wins, and
 * those of the context class loader come first, so a site may replace one of the kit's.
 */
public final class CommandTransports {
    private static final Map<ClassLoader, Map<String, CommandTransport>> FOUND = new WeakHashMap<>();

    private CommandTransports() {
    }

    /**
     * @param scheme a contact scheme, such as {@code ssh}
     * @return the transport serving it
     * @throws InvalidArgumentException naming {@code contact} when none is installed; the message lists the installed ones
     */
    public static CommandTransport find(String scheme) {
        Map<String, CommandTransport> all = installed();
        CommandTransport t = all.get(scheme.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new InvalidArgumentException("contact", "no command transport for '" + scheme + "' is installed (installed: "
                    + String.join(", ", all.keySet()) + "); a site adds one through META-INF/services/"
                    + CommandTransport.class.getName());
        }
        return t;
    }

    /** @return the installed transports by scheme, the context class loader's first */
    public static Map<String, CommandTransport> installed() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Map<String, CommandTransport> all = new LinkedHashMap<>();
        if (context != null) all.putAll(of(context));
        for (Map.Entry<String, CommandTransport> e : of(CommandTransports.class.getClassLoader()).entrySet()) {
            all.putIfAbsent(e.getKey(), e.getValue());
        }
        return all;
    }

    private static Map<String, CommandTransport> of(ClassLoader cl) {
        synchronized (FOUND) {
            Map<String, CommandTransport> known = FOUND.get(cl);
            if (known != null) return known;
        }
        Map<String, CommandTransport> found = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        ServiceLoader<CommandTransport> loader = ServiceLoader.load(CommandTransport.class, cl);
        for (var it = loader.iterator(); ; ) {
            try {
                if (!it.hasNext()) break;
                CommandTransport t = it.next();
                found.putIfAbsent(t.scheme().toLowerCase(Locale.ROOT), t);
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
            }
        }
        if (!broken.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(CommandTransports.class).warn("command transports that cannot be loaded: {}", broken);
        }
        Map<String, CommandTransport> result = java.util.Collections.unmodifiableMap(found);
        synchronized (FOUND) {
            FOUND.putIfAbsent(cl, result);
            return FOUND.get(cl);
        }
    }
}
