// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slurm release a connection talks to, learned once from {@code squeue --version} (the
 * client formats what the driver reads), and what differs between releases in the output of the
 * formats the driver requests. Checked on real clusters: 20.11, 22.05 and 24.11.
 *
 * <p>The one difference in those formats: squeue's {@code exit_code} field prints the raw wait
 * status before 23.02 ({@code 768} for exit code 3, {@code 9} for SIGKILL) and {@code exit:signal}
 * from 23.02 on ({@code 3:0}, {@code 0:9}). The other changes between these releases touch fields or
 * options the driver does not ask for: sacct's {@code Reserved} became {@code Planned} (23.02),
 * {@code --json} moved to data_parser v0.0.40 with {@code job_state} as a list (23.11) and gained
 * state flags (24.11), {@code scontrol show job} prints {@code (null)} for an unset StdOut/StdErr
 * (24.05). A release newer than the newest checked one is read with the newest formats, with a
 * warning; output that names no release is read the same way.
 */
final class SlurmRelease {
    private static final Logger LOG = LoggerFactory.getLogger(SlurmRelease.class);
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** The oldest release the driver was checked against. */
    static final SlurmRelease OLDEST_CHECKED = new SlurmRelease(20, 11, "20.11", "20.11");
    /** The newest release the driver was checked against: its formats are used for anything unknown. */
    static final SlurmRelease NEWEST_CHECKED = new SlurmRelease(24, 11, "24.11", "24.11");

    private final int major;
    private final int minor;
    private final String version;
    private final String formats;

    private SlurmRelease(int major, int minor, String version, String formats) {
        this.major = major;
        this.minor = minor;
        this.version = version;
        this.formats = formats;
    }

    /**
     * @param versionOutput what {@code squeue --version} or {@code sinfo --version} printed, such as
     *     {@code slurm 24.11.5} or {@code slurm-wlm 22.05.8}; may be null or garbled
     * @return the release; never throws. Output without a version, or a release newer than
     *     {@link #NEWEST_CHECKED}, gives the newest formats (logged as a warning)
     */
    static SlurmRelease parse(String versionOutput) {
        String text = versionOutput == null ? "" : versionOutput.strip();
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            LOG.warn("cannot read a Slurm version from '{}': reading Slurm's output as {} prints it", text, NEWEST_CHECKED.version);
            return new SlurmRelease(NEWEST_CHECKED.major, NEWEST_CHECKED.minor, "unknown", NEWEST_CHECKED.formats);
        }
        int major;
        int minor;
        try {
            major = Integer.parseInt(m.group(1));
            minor = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) { // more digits than an int holds
            LOG.warn("cannot read a Slurm version from '{}': reading Slurm's output as {} prints it", text, NEWEST_CHECKED.version);
            return new SlurmRelease(NEWEST_CHECKED.major, NEWEST_CHECKED.minor, "unknown", NEWEST_CHECKED.formats);
        }
        String version = m.group();
        SlurmRelease r = new SlurmRelease(major, minor, version, null);
        if (r.isNewerThan(NEWEST_CHECKED)) {
            LOG.warn("Slurm {} is newer than any release this driver was checked against: reading its output as {} prints it",
                    version, NEWEST_CHECKED.version);
            return new SlurmRelease(major, minor, version, NEWEST_CHECKED.formats);
        }
        if (OLDEST_CHECKED.isNewerThan(r)) {
            LOG.warn("Slurm {} is older than any release this driver was checked against ({} to {})", version,
                    OLDEST_CHECKED.version, NEWEST_CHECKED.version);
        }
        return new SlurmRelease(major, minor, version, version);
    }

    private boolean isNewerThan(SlurmRelease other) {
        return major != other.major ? major > other.major : minor > other.minor;
    }

    private boolean atLeast(int maj, int min) {
        return major != maj ? major > maj : minor >= min;
    }

    /**
     * @return true when squeue's {@code exit_code} prints {@code exit:signal} (23.02 and later),
     *     false when it prints the raw wait status
     */
    boolean squeueExitCodeIsExitSignal() {
        return atLeast(23, 2);
    }

    /**
     * @return true when {@code sacct --jobs=A_T} misses an array task cancelled while pending, so
     *     that the array {@code A} must be asked for too (20.11: such a task is recorded only as
     *     {@code A_[T%N]}, and squeue lists it as {@code A}, without the task); 22.05 and later
     *     answer {@code A_T}
     */
    boolean sacctMissesCancelledPendingArrayTasks() {
        return !atLeast(22, 5);
    }

    /** @return the version as Slurm printed it, such as {@code 22.05.8}, or {@code unknown} */
    String version() {
        return version;
    }

    /** @return the release whose formats are used: this one, or the newest checked one for a newer or unknown release */
    String formats() {
        return formats;
    }

    /** @return the version for {@link org.drmaa2j.SessionManager#getDrmsVersion()} */
    Version toVersion() {
        return Version.parse(version);
    }

    @Override
    public String toString() {
        return "Slurm " + version + (formats.equals(version) ? "" : " (read as " + formats + ")");
    }
}
