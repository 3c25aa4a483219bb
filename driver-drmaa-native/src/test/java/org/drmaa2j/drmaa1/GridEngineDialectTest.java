// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.spi.backend.BulkRange;
import org.junit.jupiter.api.Test;

class GridEngineDialectTest {
    private final GridEngineDialect ge = new GridEngineDialect(null, ZoneOffset.UTC);
    private final GridEngineDialect withPe = new GridEngineDialect("smp", ZoneOffset.UTC);

    private List<String> opts(JobTemplate.Builder b) {
        return ge.options(b.build(), null);
    }

    @Test
    void resources_becomeQsubOptions() {
        assertEquals(List.of("-l", "hostname=n1|n2"), opts(JobTemplate.builder("/bin/true").candidateMachines(List.of("n1", "n2"))));
        assertEquals(List.of("-l", "mem_free=1024K", "-w", "n"), opts(JobTemplate.builder("/bin/true").minPhysMemory(1024L)));
        assertEquals(List.of("-l", "h_vmem=2048K", "-l", "h_rt=60"), opts(JobTemplate.builder("/bin/true")
                .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 60).resourceLimit(ResourceLimit.VIRTUAL_MEMORY, 2048)));
        assertEquals(List.of("-w", "n", "-l", "mem_free=512M"), opts(JobTemplate.builder("/bin/true").extension(Extensions.MEMORY_PER_NODE_MB, "512")));
    }

    @Test
    void mail_and_times() {
        assertEquals(List.of("-M", "a@x,b@y", "-m", "be"), opts(JobTemplate.builder("/bin/true").email(List.of("a@x", "b@y"))
                .emailOnStarted(true).emailOnTerminated(true)));
        Instant at = Instant.parse("2030-01-02T03:04:05Z");
        assertEquals(List.of("-a", "203001020304.05", "-dl", "203001020304.05"),
                opts(JobTemplate.builder("/bin/true").startTime(at).deadlineTime(at)));
    }

    @Test
    void slots_needAParallelEnvironment() {
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                () -> opts(JobTemplate.builder("/bin/true").minSlots(2L)));
        assertTrue(e.getMessage().contains("minSlots") && e.getMessage().contains(DrmaaNativeProvider.PARALLEL_ENVIRONMENT_PROPERTY), e.getMessage());
        assertEquals(List.of("-pe", "smp", "2-4"), withPe.options(JobTemplate.builder("/bin/true").minSlots(2L).maxSlots(4L).build(), null));
        assertEquals(List.of(), opts(JobTemplate.builder("/bin/true").minSlots(1L)));
        assertFalse(ge.capabilities(Set.of()).contains(Capability.JT_MAXSLOTS));
        assertTrue(withPe.capabilities(Set.of()).contains(Capability.JT_MAXSLOTS));
    }

    @Test
    void bulkMaxParallel_isTc() {
        assertEquals(List.of("-tc", "2"), ge.options(JobTemplate.builder("/bin/true").build(), new BulkRange(1, 9, 1, 2)));
        assertTrue(ge.capabilities(Set.of()).contains(Capability.BULK_JOBS_MAXPARALLEL));
    }

    @Test
    void dependencies_onlyAfterany() {
        assertEquals(List.of("-hold_jid", "12,13"), opts(JobTemplate.builder("/bin/true").extension(Extensions.DEPENDENCIES, "afterany:12:13")));
        UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class,
                () -> opts(JobTemplate.builder("/bin/true").extension(Extensions.DEPENDENCIES, "afterok:12")));
        assertTrue(e.getMessage().contains(Extensions.DEPENDENCIES), e.getMessage());
    }

    @Test
    void valuesThatCannotBeOneToken_areRefusedNamingTheField() {
        InvalidArgumentException q = assertThrows(InvalidArgumentException.class, () -> opts(JobTemplate.builder("/bin/true").queueName("a q")));
        assertTrue(q.getMessage().contains("queueName"), q.getMessage());
        assertThrows(InvalidArgumentException.class, () -> opts(JobTemplate.builder("/bin/true").priority(5000L)));
        assertThrows(InvalidArgumentException.class, () -> opts(JobTemplate.builder("/bin/true").extension(Extensions.NATIVE_OPTIONS, "-N 'x y'")));
        assertThrows(UnsupportedAttributeException.class, () -> opts(JobTemplate.builder("/bin/true").resourceLimit(ResourceLimit.OPEN_FILES, 10)));
    }

    @Test
    void validate_refusesWhatGridEngineMangles() {
        InvalidArgumentException n = assertThrows(InvalidArgumentException.class, () -> ge.validate(JobTemplate.builder("/bin/true").jobName("a b").build()));
        assertTrue(n.getMessage().contains("jobName"), n.getMessage());
        assertThrows(InvalidArgumentException.class, () -> ge.validate(JobTemplate.builder("/bin/true").jobName("tck-äö").build()));
        assertThrows(InvalidArgumentException.class, () -> ge.validate(JobTemplate.builder("/bin/true").jobName("a/b").build()));
        ge.validate(JobTemplate.builder("/bin/true").jobName("tck-$HOME-$(id)-`id`").build());
        InvalidArgumentException p = assertThrows(InvalidArgumentException.class,
                () -> ge.validate(JobTemplate.builder("/bin/true").outputPath("/tmp/$HOME").build()));
        assertTrue(p.getMessage().contains("outputPath"), p.getMessage());
        ge.validate(JobTemplate.builder("/bin/true").outputPath("$DRMAA2_HOME_DIR$/o.$DRMAA2_INDEX$ 'q' äö").build());
    }

    @Test
    void arrayId_isTheJobNumber() {
        assertEquals("7", ge.arrayId(List.of("7.1", "7.3")));
        assertEquals("SGE_TASK_ID", ge.taskIndexVariable());
    }
}
