// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.util.List;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.spi.backend.BulkRange;

/**
 * The library-specific part of the driver: how template attributes that DRMAA 1.0 has no attribute
 * for are written into {@code drmaa_native_specification}, and a few facts about the scheduler
 * behind the library. Chosen with {@value DrmaaNativeProvider#DIALECT_PROPERTY}:
 * {@code gridengine}, {@code plain}, or the name of a class implementing this interface with a
 * public no-argument constructor; by default from {@code drmaa_get_DRM_system}.
 */
public interface NativeSpecDialect {
    /** @return the dialect's short name */
    String name();

    /**
     * @param drmSystem what {@code drmaa_get_DRM_system} says
     * @return the scheduler's name for {@link org.drmaa2j.SessionManager#getDrmsName()}
     */
    String drmsName(String drmSystem);

    /**
     * @param libraryAttributes the scalar and vector attribute names the library supports
     * @return the optional DRMAA2 features this dialect can express with that library
     */
    Set<Capability> capabilities(Set<String> libraryAttributes);

    /**
     * @return the template fields this dialect writes into the native specification itself, so
     *         that the generic translation leaves them alone even where DRMAA 1.0 has an attribute
     *         (for example {@code startTime})
     */
    Set<String> claimedFields();

    /** @return the extension keys this dialect understands */
    Set<String> knownExtensions();

    /**
     * Translates the claimed fields, the extensions and the bulk parallelism limit into native
     * options. Every value becomes exactly one whitespace-free token: the libraries split the
     * native specification on white space and never through a shell.
     *
     * @param t the template
     * @param range the bulk range, or null for a single job
     * @return the options, in order, one token per entry
     * @throws org.drmaa2j.UnsupportedAttributeException naming an attribute it cannot express
     * @throws org.drmaa2j.InvalidArgumentException naming a field whose value it cannot accept
     */
    List<String> options(JobTemplate t, BulkRange range);

    /**
     * Refuses values the scheduler would mangle or reject obscurely (the default accepts all).
     *
     * @param t the template
     * @throws org.drmaa2j.InvalidArgumentException naming the field
     */
    default void validate(JobTemplate t) {
    }

    /**
     * @return the environment variable holding a bulk task's index inside the job, used to give
     *         {@code $DRMAA2_INDEX$} in arguments its value; null when there is none
     */
    String taskIndexVariable();

    /**
     * @param taskIds the ids {@code drmaa_run_bulk_jobs} returned
     * @return the id of the whole array
     */
    String arrayId(List<String> taskIds);
}
