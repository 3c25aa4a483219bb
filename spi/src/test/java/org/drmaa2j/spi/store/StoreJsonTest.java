// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.ResourceLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreJsonTest {
    @TempDir
    Path tmp;

    static JobTemplate everything() {
        return JobTemplate.builder("/bin/sh").args("-c", "echo \"$1\"", "x y").submitAsHold(true).rerunnable(true)
                .env("A", "1").env("B", "two words").workingDirectory("$DRMAA2_HOME_DIR$/w").jobCategory("cat")
                .email(List.of("a@b.c")).emailOnStarted(true).emailOnTerminated(true).jobName("name")
                .inputPath("in").outputPath("out-$DRMAA2_INDEX$").errorPath("err").joinFiles(true).reservationId("r1")
                .queueName("q").minSlots(2L).maxSlots(4L).priority(-3L).candidateMachines(List.of("n1", "n2"))
                .minPhysMemory(1024L).machineOS(OperatingSystem.LINUX).machineArch(CpuArchitecture.ARM64)
                .startTime(Instant.parse("2030-01-01T00:00:00Z")).deadlineTime(Instant.parse("2030-01-02T00:00:00Z"))
                .stageInFiles(Map.of("s", "t")).stageOutFiles(Map.of("u", "v"))
                .resourceLimit(ResourceLimit.WALLCLOCK_TIME, 60).resourceLimit(ResourceLimit.VIRTUAL_MEMORY, 1 << 20)
                .accountingId("acct").extension("drmaa2j.nodes", "2").build();
    }

    @Test
    void template_roundTrip_keepsEveryAttribute() {
        JobTemplate t = everything();
        assertEquals(t, TemplateJson.fromJson(TemplateJson.toJson(t)));
        JobTemplate minimal = JobTemplate.builder("/bin/true").build();
        assertEquals(minimal, TemplateJson.fromJson(TemplateJson.toJson(minimal)));
        JobTemplate notRerunnable = JobTemplate.builder("/bin/true").rerunnable(false).build();
        JobTemplate back = TemplateJson.fromJson(TemplateJson.toJson(notRerunnable));
        assertEquals(notRerunnable, back);
        assertEquals(true, back.isRerunnableSet(), "an explicit rerunnable=false survives the store");
        assertEquals(false, TemplateJson.fromJson(TemplateJson.toJson(minimal)).isRerunnableSet());
    }

    @Test
    void jobInfo_roundTrip() {
        JobInfo i = JobInfo.builder().jobId("1").jobName("n").exitStatus(3).terminatingSignal("SIGKILL").annotation("a")
                .jobState(JobState.FAILED).jobSubState("EXITED").allocatedMachines(List.of("h")).submissionMachine("s")
                .jobOwner("o").slots(2L).queueName("q").wallclockTime(Duration.ofMillis(1500)).cpuTime(Duration.ofSeconds(1))
                .submissionTime(Instant.ofEpochMilli(1000)).dispatchTime(Instant.ofEpochMilli(2000))
                .finishTime(Instant.ofEpochMilli(3000)).extensions(Map.of("k", "v")).build();
        assertEquals(i, JobInfoJson.fromJson(JobInfoJson.toJson(i)));
    }

    @Test
    void jobRecord_savedAndLoaded() throws Exception {
        SessionStore store = new SessionStore(tmp);
        store.create("s", "contact");
        assertEquals("contact", store.open("s").contact());
        JobRecord r = new JobRecord("12_3", "s", "12", 3, everything(), JobInfo.builder().jobId("12_3").jobState(JobState.QUEUED).build(),
                Map.of("pid", "42"));
        store.saveJob(r);
        assertEquals(r, store.loadJob("s", "12_3").orElseThrow());
        store.saveJob(r.withDriverData(Map.of("pid", "43")));
        assertEquals("43", store.loadJobs("s").get(0).data("pid"));
        Files.writeString(store.markerFile("s", "12_3"), "exit=0\n");
        Files.writeString(store.markerFile("s", "12_3").resolveSibling("12_3.claim"), "");
        Files.writeString(store.markerFile("s", "12_31").resolveSibling("12_31.claim"), "");
        store.deleteJob("s", "12_3");
        assertTrue(store.loadJobs("s").isEmpty());
        assertTrue(!Files.exists(store.markerFile("s", "12_3")));
        assertTrue(!Files.exists(store.markerFile("s", "12_3").resolveSibling("12_3.claim")));
        assertTrue(Files.exists(store.markerFile("s", "12_31").resolveSibling("12_31.claim")));
    }

    @Test
    void oddJobIds_becomeSafeFileNames() {
        SessionStore store = new SessionStore(tmp);
        store.create("s", null);
        String id = "ƒ2d/../x y";
        store.saveJob(new JobRecord(id, "s", null, 1, JobTemplate.builder("/bin/true").build(),
                JobInfo.builder().jobId(id).jobState(JobState.QUEUED).build(), Map.of()));
        assertEquals(id, store.loadJobs("s").get(0).jobId());
        assertTrue(!SessionStore.fileName(id).contains("/"));
        assertTrue(store.markerFile("s", id).getParent().equals(store.sessionDirectory("s").resolve("markers")));
    }

    @Test
    void completionMarker_exitVersusSignal() {
        CompletionMarker exit = CompletionMarker.parse("exit=137\nsignal=0\nstart=100\nend=103\ncpu=0.250\n");
        assertEquals(JobState.FAILED, exit.state());
        JobInfo e = exit.applyTo(JobInfo.builder(), null).build();
        assertEquals(137, e.getExitStatus());
        assertNull(e.getTerminatingSignal());
        assertEquals(Duration.ofSeconds(3), e.getWallclockTime());
        assertEquals(Duration.ofMillis(250), e.getCpuTime());
        JobInfo k = CompletionMarker.parse("exit=\nsignal=9\nend=5\n").applyTo(JobInfo.builder(), null).build();
        assertEquals("SIGKILL", k.getTerminatingSignal());
        assertNull(k.getExitStatus());
        assertEquals(JobState.DONE, CompletionMarker.parse("exit=0\nsignal=0\n").state());
        CompletionMarker m = new CompletionMarker(0, 0, Instant.ofEpochSecond(10), Instant.ofEpochSecond(12), Duration.ofMillis(500));
        assertEquals(m, CompletionMarker.parse(m.format()));
    }
}
