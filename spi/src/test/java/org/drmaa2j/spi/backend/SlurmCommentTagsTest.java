// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlurmCommentTagsTest {
    @Test
    void collect_readsSqueueAndSacctRows_arraysByTheirArrayId() {
        Map<String, String> found = new HashMap<>();
        Set<String> wanted = Set.of("a.1", "b.2", "c.3", "d.4");
        // squeue --format=%F|%k: an array shows one row per task under its array id
        SlurmCommentTags.collect("12|drmaa2j:a.1\n13|drmaa2j:b.2\n13|drmaa2j:b.2\n14|someone else's comment\n15|\n", wanted, found);
        // sacct --format=JobID,Comment: tasks as ARRAY_TASK, a pending array as ARRAY_[RANGE]
        SlurmCommentTags.collect("20_3|drmaa2j:c.3\n21_[1-5]|drmaa2j:d.4\n22|drmaa2j:zz.9\n", wanted, found);
        assertEquals(Map.of("a.1", "12", "b.2", "13", "c.3", "20", "d.4", "21"), found);
    }
}
