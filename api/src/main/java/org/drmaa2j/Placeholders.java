// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRMAA2 placeholders, usable in {@link JobTemplate#getWorkingDirectory()}, the three path
 * attributes and the arguments. Any other {@code $DRMAA2_…$} token is rejected when the template is
 * built.
 */
public final class Placeholders {
    /**
     * Replaced by the job's home directory: the directory the job itself sees as {@code $HOME} where it
     * runs (which may differ from the account's home directory in the password database, as on CI
     * systems that set {@code HOME}).
     */
    public static final String HOME_DIRECTORY = "$DRMAA2_HOME_DIR$";
    /** Replaced by the job's working directory. */
    public static final String WORKING_DIRECTORY = "$DRMAA2_WORKING_DIR$";
    /** Replaced by the task index of a bulk job, or 1 for a single job. */
    public static final String PARAMETRIC_INDEX = "$DRMAA2_INDEX$";

    /** All placeholders this API defines. */
    public static final List<String> ALL = List.of(HOME_DIRECTORY, WORKING_DIRECTORY, PARAMETRIC_INDEX);

    private static final Pattern TOKEN = Pattern.compile("\\$DRMAA2_[A-Za-z0-9_]*\\$");

    private Placeholders() {
    }

    /**
     * @param value a template value
     * @return the first {@code $DRMAA2_…$} token in the value that is not a known placeholder, or null
     */
    public static String findUnknown(String value) {
        if (value == null || value.indexOf("$DRMAA2_") < 0) return null;
        Matcher m = TOKEN.matcher(value);
        while (m.find()) {
            if (!ALL.contains(m.group())) return m.group();
        }
        return null;
    }

    /**
     * Replaces every placeholder in a value.
     *
     * @param value the template value, may be null
     * @param homeDir what {@link #HOME_DIRECTORY} becomes
     * @param workingDir what {@link #WORKING_DIRECTORY} becomes
     * @param index what {@link #PARAMETRIC_INDEX} becomes
     * @return the value with placeholders replaced, null for null
     */
    public static String expand(String value, String homeDir, String workingDir, long index) {
        if (value == null || value.indexOf("$DRMAA2_") < 0) return value;
        return value.replace(HOME_DIRECTORY, homeDir)
                .replace(WORKING_DIRECTORY, workingDir)
                .replace(PARAMETRIC_INDEX, Long.toString(index));
    }
}
