// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.spi.exec.Command;

/**
 * Builds {@code flux} command lines. Every command runs as {@code env FLUX_F58_FORCE_ASCII=1 flux …}
 * so that Flux prints job ids as {@code f…} rather than {@code ƒ…}, whatever the locale.
 */
final class FluxCommands {
    /** The argv prefix of every command. */
    static final List<String> PREFIX = List.of("env", "FLUX_F58_FORCE_ASCII=1", "flux");

    private FluxCommands() {
    }

    /**
     * @param args the flux subcommand and its arguments, such as {@code cancel ID}
     * @return a retryable command
     */
    static Command flux(String... args) {
        return Command.of(argv(List.of(args)));
    }

    /**
     * @param args the flux subcommand and its arguments
     * @return the full argv
     */
    static List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>(PREFIX);
        argv.addAll(args);
        return argv;
    }
}
