// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.drmaa2j.CpuArchitecture;
import org.drmaa2j.Extensions;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.OperatingSystem;
import org.drmaa2j.Placeholders;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.junit.jupiter.api.Test;

class LocalTemplateTest extends LocalTestSupport {

    private Job runAndWait(JobTemplate t) {
        Job j = js.runJob(t);
        j.waitTerminated(WAIT);
        return j;
    }

    @Test
    void outputAndErrorPaths_areSeparate() throws Exception {
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        runAndWait(sh("echo to-out; echo to-err >&2").outputPath(out.toString()).errorPath(err.toString()).build());
        assertEquals("to-out\n", read(out));
        assertEquals("to-err\n", read(err));
    }

    @Test
    void joinFiles_putsErrorIntoOutput() throws Exception {
        Path out = tmp.resolve("out");
        runAndWait(sh("echo a; echo b >&2").outputPath(out.toString()).errorPath(tmp.resolve("err").toString()).joinFiles(true).build());
        assertEquals("a\nb\n", read(out));
        assertTrue(!Files.exists(tmp.resolve("err")));
    }

    @Test
    void inputPath_feedsStdin() throws Exception {
        Path in = tmp.resolve("in");
        Files.writeString(in, "fed\n");
        Path out = tmp.resolve("out");
        runAndWait(JobTemplate.builder("/bin/cat").inputPath(in.toString()).outputPath(out.toString()).build());
        assertEquals("fed\n", read(out));
    }

    @Test
    void environment_isAddedToTheInheritedOne() throws Exception {
        Path out = tmp.resolve("out");
        runAndWait(sh("echo \"$GREETING|$PATH\"").env("GREETING", "hello; $(rm -rf /) `x`").outputPath(out.toString()).build());
        String[] parts = read(out).trim().split("\\|", 2);
        assertEquals("hello; $(rm -rf /) `x`", parts[0]);
        assertTrue(!parts[1].isEmpty(), "PATH must be inherited");
    }

    @Test
    void workingDirectory_isUsed_andDefaultsToHome() throws Exception {
        Path wd = Files.createDirectory(tmp.resolve("wd"));
        runAndWait(sh("pwd > out").workingDirectory(wd.toString()).build());
        assertEquals(wd.toRealPath().toString(), read(wd.resolve("out")).trim());
        Path out = tmp.resolve("home");
        runAndWait(sh("pwd").outputPath(out.toString()).build());
        assertEquals(Path.of(System.getProperty("user.home")).toRealPath().toString(), read(out).trim());
    }

    @Test
    void relativeOutputPath_isRelativeToWorkingDirectory() throws Exception {
        Path wd = Files.createDirectory(tmp.resolve("wd"));
        runAndWait(JobTemplate.builder("/bin/echo").args("x").workingDirectory(wd.toString()).outputPath("rel.txt").build());
        assertEquals("x\n", read(wd.resolve("rel.txt")));
    }

    @Test
    void placeholders_inWorkingDirectoryPathsAndArgs() throws Exception {
        Path wd = Files.createDirectory(tmp.resolve("wd"));
        runAndWait(JobTemplate.builder("/bin/echo")
                .args(Placeholders.PARAMETRIC_INDEX, Placeholders.WORKING_DIRECTORY, Placeholders.HOME_DIRECTORY)
                .workingDirectory(wd.toString())
                .outputPath(Placeholders.WORKING_DIRECTORY + "/out-" + Placeholders.PARAMETRIC_INDEX)
                .build());
        assertEquals("1 " + wd + " " + System.getProperty("user.home") + "\n", read(wd.resolve("out-1")));
    }

    @Test
    void argumentsAreArgv_notShellText() throws Exception {
        Path out = tmp.resolve("out");
        runAndWait(JobTemplate.builder("/bin/echo").args("$(id)", "a b", ";", "`x`").outputPath(out.toString()).build());
        assertEquals("$(id) a b ; `x`\n", read(out));
    }

    @Test
    void badTemplates_nameTheField() {
        assertField(InvalidArgumentException.class, "queueName", JobTemplate.builder("/bin/echo").queueName("batch").build());
        assertField(UnsupportedAttributeException.class, "email", JobTemplate.builder("/bin/echo").email(java.util.List.of("a@b.c")).build());
        assertField(UnsupportedAttributeException.class, "accountingId", JobTemplate.builder("/bin/echo").accountingId("acct").build());
        assertField(UnsupportedAttributeException.class, "reservationId", JobTemplate.builder("/bin/echo").reservationId("r1").build());
        assertField(UnsupportedAttributeException.class, "stageInFiles", JobTemplate.builder("/bin/echo").stageInFiles(java.util.Map.of("a", "b")).build());
        assertField(UnsupportedAttributeException.class, "rerunnable", JobTemplate.builder("/bin/echo").rerunnable(true).build());
        assertField(UnsupportedAttributeException.class, "jobCategory", JobTemplate.builder("/bin/echo").jobCategory("MPI").build());
        assertField(UnsupportedAttributeException.class, "candidateMachines", JobTemplate.builder("/bin/echo").candidateMachines(java.util.List.of("elsewhere.example")).build());
        OperatingSystem otherOs = OperatingSystem.fromName(System.getProperty("os.name")) == OperatingSystem.LINUX ? OperatingSystem.AIX : OperatingSystem.LINUX;
        assertField(UnsupportedAttributeException.class, "machineOS", JobTemplate.builder("/bin/echo").machineOS(otherOs).build());
        CpuArchitecture otherArch = CpuArchitecture.fromName(System.getProperty("os.arch")) == CpuArchitecture.X64 ? CpuArchitecture.SPARC : CpuArchitecture.X64;
        assertField(UnsupportedAttributeException.class, "machineArch", JobTemplate.builder("/bin/echo").machineArch(otherArch).build());
        assertField(UnsupportedAttributeException.class, "minPhysMemory", JobTemplate.builder("/bin/echo").minPhysMemory(Long.MAX_VALUE / 2).build());
        assertField(UnsupportedAttributeException.class, "minSlots", JobTemplate.builder("/bin/echo").minSlots(100000L).build());
        assertField(UnsupportedAttributeException.class, "extensions[x.unknown]", JobTemplate.builder("/bin/echo").extension("x.unknown", "1").build());
        assertField(UnsupportedAttributeException.class, "extensions[" + Extensions.NODES + "]", JobTemplate.builder("/bin/echo").extension(Extensions.NODES, "2").build());
        assertTrue(js.getJobs(null).isEmpty(), "nothing may be submitted by a rejected template");
    }

    @Test
    void acceptedMachineAttributes_run() {
        Job j = runAndWait(JobTemplate.builder("/bin/echo").queueName("local").candidateMachines(java.util.List.of("localhost"))
                .machineOS(OperatingSystem.fromName(System.getProperty("os.name")))
                .machineArch(CpuArchitecture.fromName(System.getProperty("os.arch")))
                .minSlots(1L).maxSlots(4L).minPhysMemory(1L).extension(Extensions.NODES, "1").build());
        assertEquals(JobState.DONE, j.getState());
    }

    private void assertField(Class<? extends RuntimeException> type, String field, JobTemplate t) {
        RuntimeException e = assertThrows(type, () -> js.runJob(t));
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }

    @Test
    void wallclockLimit_terminatesTheJob() {
        Job j = runAndWait(JobTemplate.builder("/bin/sleep").args("30").resourceLimit(ResourceLimit.WALLCLOCK_TIME, 1).build());
        JobInfo i = j.getJobInfo();
        assertEquals(JobState.FAILED, i.getJobState());
        assertEquals("WALLCLOCK_EXCEEDED", i.getJobSubState());
        assertEquals("SIGTERM", i.getTerminatingSignal());
    }

    @Test
    void deadline_terminatesTheJob() {
        Job j = runAndWait(JobTemplate.builder("/bin/sleep").args("30").deadlineTime(Instant.now().plusMillis(700)).build());
        assertEquals(JobState.FAILED, j.getState());
        assertEquals("DEADLINE_EXCEEDED", j.getSubState());
    }

    @Test
    void openFilesLimit_isApplied() throws Exception {
        Path out = tmp.resolve("out");
        runAndWait(sh("ulimit -n").resourceLimit(ResourceLimit.OPEN_FILES, 37).outputPath(out.toString()).build());
        assertEquals("37", read(out).trim());
    }

    @Test
    void cpuTimeLimit_endsABusyJob() {
        Job j = runAndWait(sh("while true; do :; done").resourceLimit(ResourceLimit.CPU_TIME, 1).build());
        assertEquals(JobState.FAILED, j.getState());
        assertTrue(j.getJobInfo().getTerminatingSignal() != null, j.getJobInfo().toString());
    }
}
