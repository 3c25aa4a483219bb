// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The conformance assertion a TCK test checks. The report lists every assertion by id with the
 * outcome per driver: pass, fail, or unsupported (the driver declared the feature unsupported and
 * the test proved that using it throws the documented exception).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Assertion {
    /** @return the stable id, a prefix naming the API area and a number, such as {@code JOB-12} */
    String id();

    /** @return the rule checked, as one sentence */
    String value();
}
