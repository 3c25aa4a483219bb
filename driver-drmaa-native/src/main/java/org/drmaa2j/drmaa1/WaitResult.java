// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.Map;

/**
 * What {@code drmaa_wait} returned for a reaped job, decoded with the {@code drmaa_w*} functions.
 *
 * @param jobId the job that was reaped
 * @param exited true when the job exited by itself ({@code drmaa_wifexited})
 * @param exitStatus its exit status when it exited, else null
 * @param signaled true when a signal ended it ({@code drmaa_wifsignaled})
 * @param signal the signal name ({@code drmaa_wtermsig}), else null
 * @param coreDumped true when it dumped core
 * @param aborted true when it ended before it ran ({@code drmaa_wifaborted})
 * @param rusage the library's resource usage pairs (name to opaque value); empty for NO_RUSAGE
 */
public record WaitResult(String jobId, boolean exited, Integer exitStatus, boolean signaled, String signal,
                         boolean coreDumped, boolean aborted, Map<String, String> rusage) {
    /** Copies the map. */
    public WaitResult {
        rusage = rusage == null ? Map.of() : Map.copyOf(rusage);
    }
}
