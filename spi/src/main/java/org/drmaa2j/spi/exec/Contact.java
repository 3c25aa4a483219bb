// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.drmaa2j.InvalidArgumentException;

/**
 * A parsed contact string: where a driver's commands run. One syntax for every driver:
 * <ul>
 *   <li>empty or null: this machine;</li>
 *   <li>{@code <driver>+ssh://user@host:port/} (or {@code ssh://…}): a login node over SSH, such as
 *       {@code slurm+ssh://alice@login:22/}; see {@link org.drmaa2j.spi.exec.ssh};</li>
 *   <li>{@code docker://user@container} (or {@code <driver>+docker://…}): inside a running container;</li>
 *   <li>{@code [<driver>+]SCHEME://user@host…} for any other {@link CommandTransport} installed.</li>
 * </ul>
 *
 * @param transport {@code local}, {@code ssh}, {@code docker} or the scheme of another installed transport
 * @param user the remote user, or null
 * @param host the SSH host or the container, or null for local
 * @param port the SSH port, or -1
 * @param text the contact string as given, normalised ({@code ""} for local)
 */
public record Contact(String transport, String user, String host, int port, String text) {
    /** The local contact. */
    public static final Contact LOCAL = new Contact("local", null, null, -1, "");

    /**
     * @param contact a contact string
     * @return its parts
     * @throws InvalidArgumentException naming {@code contact} when it cannot be understood
     */
    public static Contact parse(String contact) {
        if (contact == null || contact.isBlank() || contact.equalsIgnoreCase("local")) return LOCAL;
        try {
            URI uri = new URI(contact.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int plus = scheme.indexOf('+');
            String transport = plus >= 0 ? scheme.substring(plus + 1) : scheme;
            if (transport.isEmpty() || !CommandTransports.installed().containsKey(transport) || transport.equals(LocalTransport.SCHEME)) {
                throw new InvalidArgumentException("contact", "'" + contact + "' is not empty, ssh://user@host:port/, docker://user@container"
                        + " or another installed transport (installed: " + String.join(", ", CommandTransports.installed().keySet()) + ")");
            }
            if (uri.getHost() == null && uri.getAuthority() == null) {
                throw new InvalidArgumentException("contact", "'" + contact + "' names no host");
            }
            String host = uri.getHost() != null ? uri.getHost() : uri.getAuthority().replaceFirst("^.*@", "");
            return new Contact(transport, uri.getUserInfo(), host, uri.getPort(), contact.trim());
        } catch (URISyntaxException e) {
            throw new InvalidArgumentException("contact", "'" + contact + "' is not a valid contact string: " + e.getMessage());
        }
    }

    /** @return true for this machine */
    public boolean isLocal() {
        return transport.equals("local");
    }
}
