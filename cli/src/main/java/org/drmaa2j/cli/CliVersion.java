// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line of {@code drmaa2 --version}, from the jar manifest. */
final class CliVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Drmaa2Cli.class.getPackage().getImplementationVersion();
        return new String[] {"drmaa2 (drmaa2j) " + (v == null ? "development build" : v)};
    }
}
