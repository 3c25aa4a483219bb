// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import org.drmaa2j.InvalidArgumentException;

/**
 * Values written into an HTCondor submit description ({@code name = value}, one per line), as
 * condor_submit 23.9 reads them: the value is the rest of the line with white space trimmed at
 * both ends, a trailing backslash continues the line, {@code $(name)} is a macro and
 * {@code $$(name)} a match-time reference that the schedd expands when the job is matched. So a
 * {@code $} is written as the built-in macro {@code $(DOLLAR)}, and values that cannot be written
 * exactly are refused, naming their field: line breaks and other control characters but tab,
 * leading or trailing white space, a trailing backslash, and two {@code $} in a row (condor_submit
 * turns {@code $(DOLLAR)$(DOLLAR)} into a match-time reference, which puts the job on hold).
 */
final class SubmitLanguage {
    private SubmitLanguage() {
    }

    /**
     * @param value a user value
     * @param field the template field it came from, for the exception
     * @return the value as it must appear after {@code name = }
     * @throws InvalidArgumentException naming {@code field} when the value cannot be written exactly
     */
    static String value(String value, String field) {
        check(value, field);
        return value.replace("$", "$(DOLLAR)");
    }

    /**
     * @param value a user value
     * @param field the template field, for the exception
     * @throws InvalidArgumentException naming {@code field} when the value cannot be written exactly
     */
    static void check(String value, String field) {
        if (value.isEmpty()) throw new InvalidArgumentException(field, "HTCondor cannot take an empty value here");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') throw new InvalidArgumentException(field, "an HTCondor submit description cannot hold a line break");
            if ((c < 0x20 && c != '\t') || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                throw new InvalidArgumentException(field, "an HTCondor submit description cannot hold the control character U+"
                        + String.format("%04X", (int) c));
            }
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            throw new InvalidArgumentException(field, "condor_submit trims white space at the start and end of a value");
        }
        if (value.endsWith("\\")) throw new InvalidArgumentException(field, "condor_submit reads a trailing backslash as a line continuation");
        if (value.contains("$$")) {
            throw new InvalidArgumentException(field, "HTCondor reads $$ as a match-time reference ($$(…)) and holds the job when it cannot expand it");
        }
    }
}
