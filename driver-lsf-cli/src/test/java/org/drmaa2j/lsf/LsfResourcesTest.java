// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.Version;
import org.junit.jupiter.api.Test;

/**
 * The resource translation against the LSF row of the clusterjob table ("Parallelization
 * Paradigms", nodes of 32 cores): nodes / ppn (tasks per node) / threads (CPUs per task).
 */
class LsfResourcesTest {
    private static List<String> lsf(String nodes, String ppn, String threads) {
        JobTemplate.Builder b = JobTemplate.builder("/bin/true");
        if (nodes != null) b.extension(Extensions.NODES, nodes);
        if (ppn != null) b.extension(Extensions.TASKS_PER_NODE, ppn);
        if (threads != null) b.extension(Extensions.CPUS_PER_TASK, threads);
        return LsfResources.options(b.build(), LsfDialect.MODERN);
    }

    @Test
    void multiProcess_2nodes32ppn1thread_isN64Ptile32() {
        assertEquals(List.of("-n", "64", "-R", "span[ptile=32]"), lsf("2", "32", "1"));
    }

    @Test
    void multiThreaded_1node1ppn32threads_isN32Ptile32_orHostsOne() {
        assertEquals(List.of("-n", "32", "-R", "span[ptile=32]"), lsf("1", "1", "32"));
        assertEquals(List.of("-n", "32", "-R", "span[hosts=1]"), lsf("1", null, "32"), "the table's alternative form");
        assertEquals(List.of("-n", "32", "-R", "span[hosts=1]"), lsf(null, null, "32"), "one multi-threaded task stays on one host");
    }

    @Test
    void hybrid_4nodes2ppn16threads_isN128Ptile32() {
        assertEquals(List.of("-n", "128", "-R", "span[ptile=32]"), lsf("4", "2", "16"));
    }

    @Test
    void pureMpi_withoutNodes_isJustN() {
        assertEquals(List.of("-n", "64"), LsfResources.options(JobTemplate.builder("/bin/true").minSlots(64L).build(), LsfDialect.MODERN));
    }

    @Test
    void nodesWithoutPpn_spreadEvenly_orRejected() {
        assertEquals(List.of("-n", "2", "-R", "span[ptile=1]"), lsf("2", null, null), "one task per node");
        assertEquals(List.of("-n", "64", "-R", "span[ptile=32]"),
                LsfResources.options(JobTemplate.builder("/bin/true").minSlots(64L).extension(Extensions.NODES, "2").build(), LsfDialect.MODERN));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> LsfResources.options(
                JobTemplate.builder("/bin/true").minSlots(5L).extension(Extensions.NODES, "2").build(), LsfDialect.MODERN));
        assertEquals("extensions[" + Extensions.NODES + "]", e.getField());
    }

    @Test
    void manyThreadedTasksWithoutNodes_keepEachTaskOnOneHost() {
        assertEquals(List.of("-n", "32", "-R", "span[block=8]"), LsfResources.options(JobTemplate.builder("/bin/true")
                .minSlots(4L).extension(Extensions.CPUS_PER_TASK, "8").build(), LsfDialect.MODERN));
    }

    @Test
    void maxSlots_isASlotRange() {
        assertEquals(List.of("-n", "4,16"), LsfResources.options(JobTemplate.builder("/bin/true").minSlots(4L).maxSlots(16L).build(), LsfDialect.MODERN));
        assertEquals(List.of("-n", "1,8"), LsfResources.options(JobTemplate.builder("/bin/true").maxSlots(8L).build(), LsfDialect.MODERN));
    }

    @Test
    void memory_gpus_walltime_queue_project() {
        List<String> o = LsfResources.options(JobTemplate.builder("/bin/true").extension(Extensions.NODES, "2")
                .extension(Extensions.TASKS_PER_NODE, "4").extension(Extensions.MEMORY_PER_NODE_MB, "4096")
                .extension(Extensions.GPUS_PER_NODE, "2").resourceLimit(ResourceLimit.WALLCLOCK_TIME, 5400)
                .queueName("gpu").accountingId("proj1").build(), LsfDialect.MODERN);
        assertEquals(List.of("-n", "8", "-R", "rusage[mem=4096MB] span[ptile=4]", "-M", "8192MB", "-gpu", "num=2",
                "-W", "1:30", "-q", "gpu", "-P", "proj1"), o);
    }

    @Test
    void memory_minPhysMemoryInKiB_roundsUpToMiB_andOldReleasesGetPlainNumbers() {
        JobTemplate t = JobTemplate.builder("/bin/true").minPhysMemory(1024L * 1024 + 1).build();
        assertEquals(List.of("-R", "rusage[mem=1025MB]", "-M", "1025MB"), LsfResources.options(t, LsfDialect.MODERN));
        LsfDialect old = LsfDialect.detect("IBM Platform LSF Standard 9.1.3.0, Jul 04 2014", null, null);
        assertEquals(List.of("-R", "rusage[mem=1025]", "-M", String.valueOf(1025 * 1024)), LsfResources.options(t, old),
                "without LSF_UNIT_FOR_LIMITS: rusage in MB, -M in KB");
        LsfDialect gb = LsfDialect.detect("IBM Platform LSF Standard 9.1.3.0, Jul 04 2014", null, "GB");
        assertEquals(List.of("-R", "rusage[mem=2]", "-M", "2"), LsfResources.options(t, gb), "rounded up to whole units");
        assertEquals(new Version("9", "1.3.0"), old.version());
    }

    @Test
    void walltime_roundsUpToWholeMinutes() {
        assertEquals("1", LsfResources.minutes(1));
        assertEquals("2", LsfResources.minutes(61));
        assertEquals("59", LsfResources.minutes(3540));
        assertEquals("1:00", LsfResources.minutes(3600));
        assertEquals("25:01", LsfResources.minutes(90001));
    }

    @Test
    void dialect_jsonFrom10102_delimitedFrom911_tableBefore_andOverride() {
        assertEquals(LsfDialect.Format.JSON, LsfDialect.detect("IBM Spectrum LSF Standard 10.1.0.13, Mar 10 2022\nMy cluster name is c1", null, null).format());
        assertEquals(LsfDialect.Format.DELIMITED, LsfDialect.detect("IBM Spectrum LSF Standard 10.1.0.0, Apr 01 2016", null, null).format());
        assertEquals(LsfDialect.Format.DELIMITED, LsfDialect.detect("IBM Platform LSF Standard 9.1.1.0, May 2013", null, null).format());
        assertEquals(LsfDialect.Format.TABLE, LsfDialect.detect("Platform LSF 8.0.1.0, Sep 2011", null, null).format());
        assertEquals(LsfDialect.Format.DELIMITED, LsfDialect.detect("IBM Spectrum LSF Standard 10.1.0.13", "delimited", null).format());
        assertEquals(new Version("10", "1.0.13"), LsfDialect.detect("IBM Spectrum LSF 10.1.0.13 build 601088, Apr 15 2022", null, null).version());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> LsfDialect.detect("", "xml", null));
        assertEquals(LsfProvider.FORMAT_PROPERTY, e.getField());
    }
}
