// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The unique tags every submission carries to the scheduler, so that a job whose id was never
 * recorded (the process died while the scheduler accepted it) can be found again. A tag is
 * {@code <session part>.<random part>}: twelve hex digits derived from the session name (the same
 * for every job of a session) and twelve random hex digits. A driver hands the scheduler the
 * {@linkplain #label(String) label} {@value #PREFIX}{@code <tag>} in a field the scheduler keeps
 * and can list (Slurm: the job comment).
 */
public final class SubmissionTags {
    /** What a label starts with. */
    public static final String PREFIX = "drmaa2j:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private SubmissionTags() {
    }

    /**
     * @param sessionName a job session name
     * @return a new tag for a submission into that session
     */
    public static String newTag(String sessionName) {
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return sessionPart(sessionName) + "." + HEX.formatHex(r);
    }

    /**
     * @param sessionName a job session name
     * @return the part every tag of the session starts with (before the dot)
     */
    public static String sessionPart(String sessionName) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sessionName.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * @param tag a tag
     * @return the label given to the scheduler: {@value #PREFIX}{@code tag}
     */
    public static String label(String tag) {
        return PREFIX + tag;
    }

    /**
     * @param text what the scheduler shows in the labelled field, or null
     * @return the tag, when the text is a label
     */
    public static Optional<String> fromLabel(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip();
        if (!s.startsWith(PREFIX) || s.length() == PREFIX.length()) return Optional.empty();
        return Optional.of(s.substring(PREFIX.length()));
    }
}
