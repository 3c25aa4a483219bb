// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The conformance assertion a TCK test checks, like {@code @SpecAssertion(section, id)} in JSR-354's
 * TCK. The report lists every assertion by id and section with the outcome per driver: pass, fail,
 * unsupported (the driver declared the feature unsupported and the test proved that using it throws
 * the documented exception) or excluded (the driver's exclusions file names it, with the reason).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Assertion {
    /** @return the stable id, a prefix naming the API area and a number, such as {@code JOB-12} */
    String id();

    /**
     * @return the part of the DRMAA2 specification the assertion checks, one of {@link SpecSections#ALL}:
     *         the interface or structure it defines, such as {@link SpecSections#JOB_TEMPLATE}, or
     *         {@link SpecSections#DRMAA2J} for a rule of this project that DRMAA2 leaves open
     */
    String section();

    /** @return the rule checked, as one sentence */
    String value();
}
