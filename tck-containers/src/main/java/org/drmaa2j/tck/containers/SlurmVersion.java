// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Slurm releases the project's Slurm image is built with: each is the Slurm of one Debian
 * suite, installed from Debian's own packages on top of the base image {@code debian:SUITE}.
 */
public enum SlurmVersion {
    /** Debian 11 (bullseye): Slurm 20.11.4. */
    SLURM_20_11("20.11", "bullseye"),
    /** Debian 12 (bookworm): Slurm 22.05.8. */
    SLURM_22_05("22.05", "bookworm"),
    /** Debian 13 (trixie): Slurm 24.11.5. */
    SLURM_24_11("24.11", "trixie");

    /** The system property that picks the release where a test or benchmark takes one: {@code 20.11}, {@code 22.05} or {@code 24.11}. */
    public static final String PROPERTY = "drmaa2j.slurm.version";
    /** The release used when nothing picks one. */
    public static final SlurmVersion DEFAULT = SLURM_22_05;

    private final String release;
    private final String suite;

    SlurmVersion(String release, String suite) {
        this.release = release;
        this.suite = suite;
    }

    /** @return the release, such as {@code 24.11} */
    public String release() {
        return release;
    }

    /** @return the Debian suite whose packages hold it, such as {@code trixie} */
    public String suite() {
        return suite;
    }

    /**
     * @param text a release ({@code 24.11}, also {@code 24.11.5}) or a Debian suite ({@code trixie})
     * @return the matching version
     * @throws IllegalArgumentException naming the known ones when none matches
     */
    public static SlurmVersion of(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SlurmVersion v : values()) {
            if (t.equals(v.release) || t.startsWith(v.release + ".") || t.equals(v.suite)) return v;
        }
        throw new IllegalArgumentException("no Slurm image for '" + text + "'; known: "
                + Arrays.stream(values()).map(v -> v.release + " (" + v.suite + ")").collect(Collectors.joining(", ")));
    }

    /** @return the release named by the system property {@value #PROPERTY}, else {@link #DEFAULT} */
    public static SlurmVersion fromSystemProperty() {
        String v = System.getProperty(PROPERTY);
        return v == null || v.isBlank() ? DEFAULT : of(v);
    }

    @Override
    public String toString() {
        return "Slurm " + release + " (" + suite + ")";
    }
}
