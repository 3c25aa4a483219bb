// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record with slots for known names behaves as a map: lookups, replacing, removing, equality. */
class NamedAttributesTest {
    private static final NamedAttributes.Names NAMES = new NamedAttributes.Names(List.of("job_state", "queue"));

    @Test
    void slotsThenOthers_asAMap() {
        NamedAttributes a = new NamedAttributes(NAMES);
        a.put(NAMES.slot("queue"), "queue", "q1");
        a.put(-1, "JOB_STATE", "R");
        assertNull(a.put("job_state", "F"));
        assertEquals("q1", a.put("queue", "q2"));
        assertEquals(3, a.size());
        assertEquals("F", a.get("job_state"));
        assertEquals("R", a.get("JOB_STATE"));
        assertTrue(a.containsKey("queue"));
        assertFalse(a.containsKey("Queue"));
        assertEquals(1, a.others());
        assertEquals("q2", a.valueAt(NAMES.slot("queue")));
        assertEquals(Map.of("job_state", "F", "queue", "q2", "JOB_STATE", "R"), a);
        assertEquals(List.of("job_state", "queue", "JOB_STATE"), List.copyOf(a.keySet()), "slots in order, then the others");
        assertEquals(new LinkedHashMap<>(a).hashCode(), a.hashCode());
        Iterator<String> keys = a.keySet().iterator();
        keys.next();
        keys.remove();
        assertThrows(IllegalStateException.class, keys::remove);
        assertEquals(Map.of("queue", "q2", "JOB_STATE", "R"), a);
        a.keySet().removeIf(k -> k.equals("JOB_STATE"));
        assertEquals("q2", a.remove("queue"));
        assertTrue(a.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new NamedAttributes.Names(List.of("a", "a")));
    }
}
