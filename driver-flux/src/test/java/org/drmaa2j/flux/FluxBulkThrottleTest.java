// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FluxBulkThrottleTest {
    private final List<String> released = new ArrayList<>();
    private final FluxBulkThrottle throttle = new FluxBulkThrottle(released::add);

    @Test
    void releasesInIndexOrder_neverMoreThanTheLimit() {
        throttle.register(List.of("a", "b", "c", "d"), Set.of(), Set.of(), 2);
        assertEquals(List.of("a", "b"), released);
        assertTrue(throttle.isWaitingForTurn("c"));
        throttle.ended("b");
        assertEquals(List.of("a", "b", "c"), released);
        throttle.ended("b");
        assertEquals(3, released.size(), "a task ends once");
        throttle.ended("d"); // cancelled while waiting: it gives up its place, not a slot
        throttle.ended("a");
        assertEquals(List.of("a", "b", "c"), released);
    }

    @Test
    void userHeldTasksAreSkippedUntilReleased() {
        throttle.register(List.of("a", "b", "c"), Set.of(), Set.of("a", "b", "c"), 1);
        assertEquals(List.of(), released);
        assertFalse(throttle.isWaitingForTurn("a"), "held by the user: QUEUED_HELD");
        assertTrue(throttle.userRelease("b"));
        assertEquals(List.of("b"), released);
        assertTrue(throttle.userRelease("a"));
        assertEquals(List.of("b"), released, "one slot only");
        assertTrue(throttle.isWaitingForTurn("a"));
        throttle.ended("b");
        assertEquals(List.of("b", "a"), released);
        assertFalse(throttle.userRelease("a"), "a released task is Flux's business");
    }

    @Test
    void reopenedSession_keepsCountingReleasedTasks() {
        throttle.register(List.of("a", "b", "c"), Set.of("a"), Set.of(), 1);
        assertEquals(List.of(), released);
        assertTrue(throttle.userHold("c"));
        throttle.ended("a");
        assertEquals(List.of("b"), released);
        throttle.ended("b");
        assertEquals(List.of("b"), released, "c is held by the user");
    }
}
