// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * A site's transport as a test registers it: scheme {@code wrapped}, commands run on this machine behind
 * a prefix, as a transport running them through {@code sudo -n -u USER} would (here {@code env
 * WRAPPED_FOR=USER}, which needs no privileges).
 */
public final class PrefixingTestTransport implements CommandTransport {
    @Override
    public String scheme() {
        return "wrapped";
    }

    @Override
    public CommandRunner open(Contact contact, DriverSettings settings) {
        CommandRunner local = new LocalCommandRunner();
        return new CommandRunner() {
            @Override
            public CommandResult run(Command command) {
                List<String> argv = new ArrayList<>(List.of("env", "WRAPPED_FOR=" + contact.user()));
                argv.addAll(command.argv());
                return local.run(new Command(argv, command.stdin(), command.timeout(), command.retryable()));
            }

            @Override
            public String describe() {
                return contact.text();
            }
        };
    }
}
