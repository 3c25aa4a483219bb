// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

/**
 * What a command run in a cluster container printed and how it exited.
 *
 * @param exitCode the command's exit status
 * @param stdout   its standard output
 * @param stderr   its standard error
 */
public record ExecOutcome(int exitCode, String stdout, String stderr) {

    /** @return whether the command exited with status 0 */
    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ", stdout: " + stdout.strip() + ", stderr: " + stderr.strip();
    }
}
