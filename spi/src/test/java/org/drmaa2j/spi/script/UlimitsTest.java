// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drmaa2j.ResourceLimit;
import org.junit.jupiter.api.Test;

class UlimitsTest {
    @Test
    void bashArguments_everyLimitButWallclock() {
        Map<ResourceLimit, Long> limits = new LinkedHashMap<>();
        limits.put(ResourceLimit.CPU_TIME, 60L);
        limits.put(ResourceLimit.OPEN_FILES, 64L);
        limits.put(ResourceLimit.VIRTUAL_MEMORY, 1024L);
        limits.put(ResourceLimit.DATA_SIZE, 2048L);
        limits.put(ResourceLimit.STACK_SIZE, 8192L);
        limits.put(ResourceLimit.CORE_FILE_SIZE, 0L);
        limits.put(ResourceLimit.FILE_SIZE, 4096L);
        limits.put(ResourceLimit.WALLCLOCK_TIME, 90L);
        assertEquals(List.of("-t 60", "-n 64", "-v 1024", "-d 2048", "-s 8192", "-c 0", "-f 4096"), Ulimits.bashArguments(limits));
    }
}
