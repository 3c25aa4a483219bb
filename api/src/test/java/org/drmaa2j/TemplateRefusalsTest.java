// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The refusals of bad templates that every driver shares because the api makes them when a template is
 * built: each names the field. These checks need no driver, so they live here rather than in the TCK.
 */
class TemplateRefusalsTest {

    private static void invalidField(String field, Executable e) {
        InvalidArgumentException x = assertThrows(InvalidArgumentException.class, e);
        assertEquals(field, x.getField(), () -> "the exception must name the field: " + x.getMessage());
    }

    /** A template without remote command is refused with InvalidArgumentException naming remoteCommand (formerly TCK ERR-1). */
    @Test
    void build_noRemoteCommand() {
        invalidField("remoteCommand", () -> JobTemplate.builder(null).build());
        invalidField("remoteCommand", () -> JobTemplate.builder("  ").build());
    }

    /** Negative or zero slots are refused with InvalidArgumentException naming minSlots or maxSlots (formerly TCK ERR-2). */
    @Test
    void build_negativeSlots() {
        invalidField("minSlots", () -> JobTemplate.builder("/bin/true").minSlots(-1L).build());
        invalidField("minSlots", () -> JobTemplate.builder("/bin/true").minSlots(0L).build());
        invalidField("maxSlots", () -> JobTemplate.builder("/bin/true").maxSlots(-2L).build());
        invalidField("maxSlots", () -> JobTemplate.builder("/bin/true").minSlots(3L).maxSlots(2L).build());
    }

    /** An unknown {@code $DRMAA2_…$} placeholder is refused with InvalidArgumentException naming the field (formerly TCK ERR-3). */
    @Test
    void build_unknownPlaceholder() {
        invalidField("args[1]", () -> JobTemplate.builder("/bin/echo").args("ok", "$DRMAA2_NO_SUCH$").build());
        invalidField("outputPath", () -> JobTemplate.builder("/bin/echo").outputPath("/tmp/$DRMAA2_BOGUS$").build());
        invalidField("workingDirectory", () -> JobTemplate.builder("/bin/echo").workingDirectory("$DRMAA2_HOME$").build());
    }

    /** A placeholder where none is allowed (jobName) is refused with InvalidArgumentException naming the field (formerly TCK ERR-4). */
    @Test
    void build_placeholderInJobName() {
        invalidField("jobName", () -> JobTemplate.builder("/bin/echo").jobName("n-$DRMAA2_INDEX$").build());
    }

    /** A NUL character and an invalid environment variable name are refused naming the field (formerly TCK ERR-5). */
    @Test
    void build_nulAndBadEnvName() {
        invalidField("args[0]", () -> JobTemplate.builder("/bin/echo").args("a\0b").build());
        invalidField("jobEnvironment", () -> JobTemplate.builder("/bin/echo").env("1BAD", "x").build());
        invalidField("jobEnvironment", () -> JobTemplate.builder("/bin/echo").env("A-B", "x").build());
    }

    /** Negative resource limits, negative memory and a deadline before the start are refused naming the field (formerly TCK ERR-6). */
    @Test
    void build_badNumbersAndTimes() {
        invalidField("resourceLimits[WALLCLOCK_TIME]", () -> JobTemplate.builder("/bin/echo").resourceLimit(ResourceLimit.WALLCLOCK_TIME, -1).build());
        invalidField("minPhysMemory", () -> JobTemplate.builder("/bin/echo").minPhysMemory(-5L).build());
        Instant now = Instant.now();
        invalidField("deadlineTime", () -> JobTemplate.builder("/bin/echo").startTime(now).deadlineTime(now.minusSeconds(60)).build());
    }
}
