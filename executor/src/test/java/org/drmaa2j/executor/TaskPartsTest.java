// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.ResourceLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, dependencies, options and the cache layout, without any driver. */
class TaskPartsTest {
    @TempDir
    Path tmp;

    private static ClusterTask<Integer> times(int a, int b) {
        return () -> a * b;
    }

    private static ClusterTask<Integer> after(ClusterFuture<Integer> f) {
        return () -> f.get() + 1;
    }

    @Test
    void encode_equalTasks_equalKeys() {
        assertEquals(TaskCodec.encode(times(6, 7)).hashKey(), TaskCodec.encode(times(6, 7)).hashKey());
        assertNotEquals(TaskCodec.encode(times(6, 7)).hashKey(), TaskCodec.encode(times(7, 6)).hashKey());
        assertEquals(32, TaskCodec.encode(times(1, 1)).hashKey().length());
    }

    @Test
    void encode_capturedFuture_isADependencyByKey() {
        ClusterFuture<Integer> earlier = new ClusterFuture<>("k-earlier", null);
        TaskCodec.Encoded e = TaskCodec.encode(after(earlier));
        assertEquals(Set.of("k-earlier"), e.dependencies());
        assertEquals(e.hashKey(), TaskCodec.encode(after(new ClusterFuture<>("k-earlier", null))).hashKey());
    }

    @Test
    void encode_notSerializableCapture_rejected() {
        Object lock = new Object();
        ClusterTask<Integer> t = () -> lock.hashCode();
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> TaskCodec.encode(t));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    }

    @Test
    void options_overriddenBy_fieldByField() {
        TaskOptions defaults = TaskOptions.builder().queue("short").account("p1").cpus(2).env("A", "1").build();
        TaskOptions merged = defaults.overriddenBy(TaskOptions.builder().queue("long").memoryMb(512).env("B", "2").build());
        assertEquals("long", merged.getQueue());
        assertEquals("p1", merged.getAccount());
        assertEquals(2, merged.getCpus());
        assertEquals(512L, merged.getMemoryMb());
        assertEquals(2, merged.getEnvironment().size());
    }

    @Test
    void options_applyTo_template() {
        JobTemplate.Builder b = JobTemplate.builder("java");
        TaskOptions.builder().queue("q").account("acct").cpus(4).gpus(1).nodes(2).memoryMb(100)
                .walltime(Duration.ofMinutes(3)).build().applyTo(b);
        JobTemplate t = b.build();
        assertEquals("q", t.getQueueName());
        assertEquals("acct", t.getAccountingId());
        assertEquals("4", t.getExtensions().get(Extensions.CPUS_PER_TASK));
        assertEquals("1", t.getExtensions().get(Extensions.GPUS_PER_NODE));
        assertEquals("2", t.getExtensions().get(Extensions.NODES));
        assertEquals("100", t.getExtensions().get(Extensions.MEMORY_PER_NODE_MB));
        assertEquals(180L, t.getResourceLimits().get(ResourceLimit.WALLCLOCK_TIME));
    }

    @Test
    void options_badValues_nameTheField() {
        assertEquals("key", assertThrows(InvalidArgumentException.class, () -> TaskOptions.builder().key("../x")).getField());
        assertEquals("cpus", assertThrows(InvalidArgumentException.class, () -> TaskOptions.builder().cpus(0)).getField());
        assertEquals("walltime", assertThrows(InvalidArgumentException.class,
                () -> TaskOptions.builder().walltime(Duration.ZERO)).getField());
    }

    @Test
    void cache_outcomeRoundTrip_andUnserializableValueBecomesAnError() throws Exception {
        TaskCache cache = TaskCache.create(tmp, null);
        cache.writeOutcome("a", Outcome.value(42));
        assertEquals(42, cache.readOutcome("a").orElseThrow().value);
        cache.writeOutcome("b", Outcome.value(new Object()));
        Outcome b = cache.readOutcome("b").orElseThrow();
        assertTrue(!b.succeeded() && b.error.getMessage().contains("cannot be serialized"), String.valueOf(b.error));
        cache.recordJob("a", "123", tmp.resolve("err"));
        assertEquals("123", cache.job("a").orElseThrow().getProperty("jobId"));
        cache.clearRun("a");
        assertTrue(cache.job("a").isEmpty() && !cache.hasOutcome("a"));
    }

    @Test
    void tail_lastLinesOnly() throws Exception {
        Path f = tmp.resolve("stderr");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 50; i++) sb.append("line ").append(i).append('\n');
        Files.writeString(f, sb);
        String tail = TaskCache.tail(f);
        assertTrue(tail.startsWith("line 31") && tail.endsWith("line 50"), tail);
        assertEquals("", TaskCache.tail(tmp.resolve("missing")));
    }
}
