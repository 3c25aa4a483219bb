// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.drmaa2j.tck.tests.Templates.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drmaa2j.Capability;
import org.drmaa2j.Extensions;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.Placeholders;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.drmaa2j.tck.support.JobScripts;
import org.drmaa2j.tck.support.Tck;
import org.drmaa2j.tck.support.TckExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@link JobTemplate}: every attribute is honoured, observed from inside the job where possible, or rejected as unsupported. */
@ExtendWith(TckExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class JobTemplateAttributesTest {

    @Test
    @Assertion(id = "JT-1", section = SpecSections.JOB_TEMPLATE, value = "args reach the command as argv entries, exactly and in order")
    void args_exactArgv(Tck tck, JobSession s) {
        String f = tck.scratchPath("argv");
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_ARGV, f, "one", "two words", "", "-x").build()), JobState.DONE);
        assertEquals(List.of("one", "two words", "", "-x"), tck.readNulTerminated(f));
    }

    @Test
    @Assertion(id = "JT-2", section = SpecSections.JOB_TEMPLATE, value = "a job without args runs its command with no arguments")
    void args_none(Tck tck, JobSession s) {
        String f = tck.scratchPath("noargs");
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_ARGV, f).build()), JobState.DONE);
        assertEquals(List.of(), tck.readNulTerminated(f));
    }

    @Test
    @Assertion(id = "JT-3", section = SpecSections.JOB_TEMPLATE, value = "remoteCommand given as an absolute path runs; its output goes to outputPath")
    void outputPath_receivesStdout(Tck tck, JobSession s) {
        String out = tck.scratchPath("stdout");
        tck.finishAs(s.runJob(JobTemplate.builder("/bin/echo").args("hello", "tck").outputPath(out).build()), JobState.DONE);
        assertEquals("hello tck\n", tck.readFile(out));
    }

    @Test
    @Assertion(id = "JT-4", section = SpecSections.JOB_TEMPLATE, value = "remoteCommand given as a bare name is found on the execution host's PATH")
    void remoteCommand_foundOnPath(Tck tck, JobSession s) {
        String out = tck.scratchPath("path");
        tck.finishAs(s.runJob(JobTemplate.builder("echo").args("on-path").outputPath(out).build()), JobState.DONE);
        assertEquals("on-path\n", tck.readFile(out));
    }

    @Test
    @Assertion(id = "JT-5", section = SpecSections.JOB_TEMPLATE, value = "errorPath receives standard error, and outputPath only standard output")
    void errorPath_receivesStderr(Tck tck, JobSession s) {
        String out = tck.scratchPath("out");
        String err = tck.scratchPath("err");
        tck.finishAs(s.runJob(tck.script(JobScripts.OUT_AND_ERR, "to-out", "to-err").outputPath(out).errorPath(err).build()), JobState.DONE);
        assertEquals("to-out", tck.readFile(out));
        assertEquals("to-err", tck.readFile(err));
    }

    @Test
    @Assertion(id = "JT-6", section = SpecSections.JOB_TEMPLATE, value = "joinFiles writes standard error into the output file")
    void joinFiles_mergesStderr(Tck tck, JobSession s) {
        String out = tck.scratchPath("joined");
        tck.finishAs(s.runJob(tck.script(JobScripts.OUT_AND_ERR, "to-out", "to-err").outputPath(out).joinFiles(true).build()), JobState.DONE);
        String text = tck.readFile(out);
        assertTrue(text.contains("to-out") && text.contains("to-err"), () -> "joined output: " + text);
    }

    @Test
    @Assertion(id = "JT-7", section = SpecSections.JOB_TEMPLATE, value = "jobEnvironment variables are set in the job")
    void jobEnvironment_set(Tck tck, JobSession s) {
        String f = tck.scratchPath("env");
        JobTemplate t = tck.script(JobScripts.WRITE_ENV, f, "TCK_A", "TCK_B").env("TCK_A", "alpha").env("TCK_B", "").build();
        tck.finishAs(s.runJob(t), JobState.DONE);
        assertEquals(List.of("alpha", ""), tck.readNulTerminated(f));
    }

    @Test
    @Assertion(id = "JT-8", section = SpecSections.JOB_TEMPLATE, value = "jobEnvironment adds to the job's environment: PATH and HOME are still set")
    void jobEnvironment_keepsBaseEnvironment(Tck tck, JobSession s) {
        String f = tck.scratchPath("env-base");
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_ENV, f, "PATH", "HOME", "TCK_C").env("TCK_C", "c").build()), JobState.DONE);
        List<String> v = tck.readNulTerminated(f);
        assertFalse(v.get(0).isEmpty(), "PATH is empty in the job");
        assertFalse(v.get(1).isEmpty(), "HOME is empty in the job");
        assertEquals("c", v.get(2));
    }

    @Test
    @Assertion(id = "JT-9", section = SpecSections.JOB_TEMPLATE, value = "workingDirectory is where the job runs: relative files land there")
    void workingDirectory_relativeFiles(Tck tck, JobSession s) {
        String dir = makeDirectory(tck, s, "wd");
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_TEXT, "relative.txt", "here").workingDirectory(dir).build()), JobState.DONE);
        assertEquals("here", tck.readFile(dir + "/relative.txt"));
    }

    @Test
    @Assertion(id = "JT-10", section = SpecSections.JOB_TEMPLATE, value = "without workingDirectory the job runs in its home directory, the one it sees as $HOME")
    void workingDirectory_defaultIsHome(Tck tck, JobSession s) {
        String f = tck.scratchPath("pwd");
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_PWD_AND_HOME, f).build()), JobState.DONE);
        String[] lines = tck.readFile(f).split("\n");
        assertEquals(lines[1], lines[0], "working directory vs home directory");
    }

    @Test
    @Assertion(id = "JT-11", section = SpecSections.JOB_TEMPLATE, value = "the $DRMAA2_HOME_DIR$ placeholder in workingDirectory is the home directory the job sees as $HOME")
    void workingDirectory_homePlaceholder(Tck tck, JobSession s) {
        String f = tck.scratchPath("pwd-home");
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_PWD_AND_HOME, f).workingDirectory(Placeholders.HOME_DIRECTORY).build()), JobState.DONE);
        String[] lines = tck.readFile(f).split("\n");
        assertEquals(lines[1], lines[0], "working directory vs home directory");
    }

    @Test
    @Assertion(id = "JT-12", section = SpecSections.JOB_TEMPLATE, value = "the $DRMAA2_WORKING_DIR$ placeholder in outputPath is the job's working directory")
    void outputPath_workingDirPlaceholder(Tck tck, JobSession s) {
        String dir = makeDirectory(tck, s, "wdp");
        JobTemplate t = JobTemplate.builder("/bin/echo").args("placed").workingDirectory(dir)
                .outputPath(Placeholders.WORKING_DIRECTORY + "/out.txt").build();
        tck.finishAs(s.runJob(t), JobState.DONE);
        assertEquals("placed\n", tck.readFile(dir + "/out.txt"));
    }

    @Test
    @Assertion(id = "JT-13", section = SpecSections.JOB_TEMPLATE, value = "the $DRMAA2_INDEX$ placeholder is 1 in a single job's arguments and paths")
    void args_indexPlaceholderIsOne(Tck tck, JobSession s) {
        String base = tck.scratchPath("idx");
        JobTemplate t = JobTemplate.builder("/bin/echo").args("i=" + Placeholders.PARAMETRIC_INDEX)
                .outputPath(base + "-" + Placeholders.PARAMETRIC_INDEX).build();
        tck.finishAs(s.runJob(t), JobState.DONE);
        assertEquals("i=1\n", tck.readFile(base + "-1"));
    }

    @Test
    @Assertion(id = "JT-14", section = SpecSections.JOB_TEMPLATE, value = "jobName is the name the scheduler reports")
    void jobName_reported(Tck tck, JobSession s) {
        Job j = tck.finish(s.runJob(tck.quick().jobName("tck-named-job").build()));
        assertEquals("tck-named-job", j.getJobInfo().getJobName());
    }

    @Test
    @Assertion(id = "JT-15", section = SpecSections.JOB_TEMPLATE, value = "inputPath feeds the file to the job's standard input (JT_INPUT_PATH)")
    void inputPath_feedsStdin(Tck tck, JobSession s) {
        String in = tck.scratchPath("in");
        String out = tck.scratchPath("in-out");
        JobTemplate t = JobTemplate.builder("/bin/cat").inputPath(in).outputPath(out).build();
        if (!tck.supports(Capability.JT_INPUT_PATH)) {
            rejected(tck, s, Capability.JT_INPUT_PATH, "inputPath", t);
            return;
        }
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_TEXT, in, "line one\nline two\n").build()), JobState.DONE);
        tck.finishAs(s.runJob(t), JobState.DONE);
        assertEquals("line one\nline two\n", tck.readFile(out));
    }

    @Test
    @Assertion(id = "JT-16", section = SpecSections.JOB_TEMPLATE, value = "queueName puts the job in that queue (JT_QUEUE)")
    void queueName_honoured(Tck tck, JobSession s) {
        String q = tck.supports(Capability.JT_QUEUE) ? Templates.someQueue(tck) : "tck-queue";
        if (!tck.supports(Capability.JT_QUEUE)) {
            rejected(tck, s, Capability.JT_QUEUE, "queueName", tck.quick().queueName(q).build());
            return;
        }
        assertNotNull(q, "the driver supports queues but neither the environment nor monitoring names one");
        Job j = tck.finishAs(s.runJob(tck.quick().queueName(q).build()), JobState.DONE);
        assertEquals(q, j.getJobInfo().getQueueName());
    }

    @Test
    @Assertion(id = "JT-17", section = SpecSections.JOB_TEMPLATE, value = "minSlots of 1 gives the job one slot")
    void minSlots_one(Tck tck, JobSession s) {
        Job j = tck.finishAs(s.runJob(tck.quick().minSlots(1L).build()), JobState.DONE);
        assertEquals(1L, j.getJobInfo().getSlots(), () -> "JobInfo: " + j.getJobInfo());
    }

    @Test
    @Assertion(id = "JT-18", section = SpecSections.JOB_TEMPLATE, value = "maxSlots bounds the slots allocated (JT_MAXSLOTS)")
    void maxSlots_bounds(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().minSlots(1L).maxSlots(2L).build();
        if (!tck.supports(Capability.JT_MAXSLOTS)) {
            rejected(tck, s, Capability.JT_MAXSLOTS, "maxSlots", t);
            return;
        }
        Job j = tck.finishAs(s.runJob(t), JobState.DONE);
        Long slots = j.getJobInfo().getSlots();
        assertTrue(slots != null && slots >= 1 && slots <= 2, () -> "slots " + slots);
    }

    @Test
    @Assertion(id = "JT-19", section = SpecSections.JOB_TEMPLATE, value = "priority is accepted and the job runs (JT_PRIORITY)")
    void priority_accepted(Tck tck, JobSession s) {
        accepted(tck, s, Capability.JT_PRIORITY, "priority", tck.quick().priority(0L).build());
    }

    @Test
    @Assertion(id = "JT-20", section = SpecSections.JOB_TEMPLATE, value = "candidateMachines confines the job to those machines (JT_CANDIDATE_MACHINES)")
    void candidateMachines_honoured(Tck tck, JobSession s) {
        if (!tck.supports(Capability.JT_CANDIDATE_MACHINES)) {
            rejected(tck, s, Capability.JT_CANDIDATE_MACHINES, "candidateMachines", tck.quick().candidateMachines(List.of("tck-host")).build());
            return;
        }
        MachineInfo m = Templates.someMachine(tck);
        assertNotNull(m, "the driver supports candidate machines but neither the environment nor monitoring names one");
        Job j = tck.finishAs(s.runJob(tck.quick().candidateMachines(List.of(m.name())).build()), JobState.DONE);
        assertEquals(List.of(m.name()), j.getJobInfo().getAllocatedMachines());
    }

    @Test
    @Assertion(id = "JT-21", section = SpecSections.JOB_TEMPLATE, value = "minPhysMemory within the machines' memory is accepted and the job runs (JT_MIN_PHYS_MEMORY)")
    void minPhysMemory_accepted(Tck tck, JobSession s) {
        accepted(tck, s, Capability.JT_MIN_PHYS_MEMORY, "minPhysMemory", tck.quick().minPhysMemory(1024L).build());
    }

    @Test
    @Assertion(id = "JT-22", section = SpecSections.JOB_TEMPLATE, value = "machineOS of the execution machines is accepted and the job runs (JT_MACHINE_OS)")
    void machineOS_accepted(Tck tck, JobSession s) {
        accepted(tck, s, Capability.JT_MACHINE_OS, "machineOS", tck.quick().machineOS(Templates.machineOS(tck)).build());
    }

    @Test
    @Assertion(id = "JT-23", section = SpecSections.JOB_TEMPLATE, value = "machineArch of the execution machines is accepted and the job runs (JT_MACHINE_ARCH)")
    void machineArch_accepted(Tck tck, JobSession s) {
        accepted(tck, s, Capability.JT_MACHINE_ARCH, "machineArch", tck.quick().machineArch(Templates.machineArch(tck)).build());
    }

    @Test
    @Assertion(id = "JT-24", section = SpecSections.JOB_TEMPLATE, value = "a job with a startTime does not start before it (JT_START_TIME)")
    void startTime_delaysStart(Tck tck, JobSession s) {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(4);
        JobTemplate t = tck.quick().startTime(start).build();
        if (!tck.supports(Capability.JT_START_TIME)) {
            rejected(tck, s, Capability.JT_START_TIME, "startTime", t);
            return;
        }
        Job j = tck.finishAs(s.runJob(t), JobState.DONE);
        Instant dispatched = j.getJobInfo().getDispatchTime();
        assertNotNull(dispatched);
        assertFalse(dispatched.isBefore(start), () -> "dispatched " + dispatched + " before the start time " + start);
    }

    @Test
    @Assertion(id = "JT-25", section = SpecSections.JOB_TEMPLATE, value = "a deadlineTime in the future is accepted and the job runs (JT_DEADLINE)")
    void deadlineTime_accepted(Tck tck, JobSession s) {
        accepted(tck, s, Capability.JT_DEADLINE, "deadlineTime", tck.quick().deadlineTime(Instant.now().plus(Duration.ofHours(1))).build());
    }

    @Test
    @Assertion(id = "JT-26", section = SpecSections.JOB_TEMPLATE, value = "stageInFiles copies a file to the execution host before the job starts (JT_STAGING)")
    void stageInFiles_copied(Tck tck, JobSession s) {
        String src = tck.scratchPath("stage-src");
        String dir = tck.supports(Capability.JT_STAGING) ? makeDirectory(tck, s, "stage-in") : tck.scratchDirectory();
        String out = tck.scratchPath("stage-out");
        JobTemplate t = JobTemplate.builder("/bin/cat").args("staged.txt").workingDirectory(dir).outputPath(out)
                .stageInFiles(Map.of(src, "staged.txt")).build();
        if (!tck.supports(Capability.JT_STAGING)) {
            rejected(tck, s, Capability.JT_STAGING, "stageInFiles", t);
            return;
        }
        tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_TEXT, src, "staged in").build()), JobState.DONE);
        tck.finishAs(s.runJob(t), JobState.DONE);
        assertEquals("staged in", tck.readFile(out));
    }

    @Test
    @Assertion(id = "JT-27", section = SpecSections.JOB_TEMPLATE, value = "stageOutFiles copies a file back after the job ends (JT_STAGING)")
    void stageOutFiles_copied(Tck tck, JobSession s) {
        String dir = tck.supports(Capability.JT_STAGING) ? makeDirectory(tck, s, "stage-out") : tck.scratchDirectory();
        String target = tck.scratchPath("staged-back");
        JobTemplate t = tck.script(JobScripts.WRITE_TEXT, "result.txt", "staged out").workingDirectory(dir)
                .stageOutFiles(Map.of("result.txt", target)).build();
        if (!tck.supports(Capability.JT_STAGING)) {
            rejected(tck, s, Capability.JT_STAGING, "stageOutFiles", t);
            return;
        }
        tck.finishAs(s.runJob(t), JobState.DONE);
        assertEquals("staged out", tck.readFile(target));
    }

    @Test
    @Assertion(id = "JT-28", section = SpecSections.JOB_TEMPLATE, value = "a generous WALLCLOCK_TIME limit lets the job end DONE (JT_RESOURCE_LIMITS)")
    void resourceLimits_generousLimit(Tck tck, JobSession s) {
        accepted(tck, s, Capability.JT_RESOURCE_LIMITS, "resourceLimits",
                tck.quick().resourceLimit(ResourceLimit.WALLCLOCK_TIME, 600).build());
    }

    @Test
    @Assertion(id = "JT-29", section = SpecSections.JOB_TEMPLATE, value = "rerunnable is accepted and the job runs (JT_RERUNNABLE)")
    void rerunnable_accepted(Tck tck, JobSession s) {
        accepted(tck, s, Capability.JT_RERUNNABLE, "rerunnable", tck.quick().rerunnable(true).build());
    }

    @Test
    @Assertion(id = "JT-30", section = SpecSections.JOB_TEMPLATE, value = "a job category the session lists is accepted and the job runs (JT_JOB_CATEGORY)")
    void jobCategory_accepted(Tck tck, JobSession s) {
        if (!tck.supports(Capability.JT_JOB_CATEGORY)) {
            rejected(tck, s, Capability.JT_JOB_CATEGORY, "jobCategory", tck.quick().jobCategory("tck-category").build());
            return;
        }
        String category = s.getJobCategories().stream().sorted().findFirst()
                .orElseGet(() -> fail("JT_JOB_CATEGORY is supported, so getJobCategories must list at least one category"));
        tck.finishAs(s.runJob(tck.quick().jobCategory(category).build()), JobState.DONE);
    }

    @Test
    @Assertion(id = "JT-31", section = SpecSections.JOB_TEMPLATE, value = "accountingId is accepted and the job runs (JT_ACCOUNTINGID)")
    void accountingId_accepted(Tck tck, JobSession s) {
        String account = tck.environment().accountingId() != null ? tck.environment().accountingId() : "tck";
        accepted(tck, s, Capability.JT_ACCOUNTINGID, "accountingId", tck.quick().accountingId(account).build());
    }

    @Test
    @Assertion(id = "JT-32", section = SpecSections.JOB_TEMPLATE, value = "email with no mail events is accepted and the job runs (JT_EMAIL)")
    void email_accepted(Tck tck, JobSession s) {
        accepted(tck, s, Capability.JT_EMAIL, "email", tck.quick().email(List.of("tck@localhost")).build());
    }

    @Test
    @Assertion(id = "JT-33", section = SpecSections.DRMAA2J, value = "an extension key that is neither well known nor the driver's own is rejected with UnsupportedAttributeException")
    void extensions_unknownKeyRejected(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().extension("drmaa2j-tck.no-such-key", "1").build();
        int before = s.getJobs(null).size();
        UnsupportedAttributeException e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedAttributeException.class, () -> s.runJob(t));
        assertTrue(e.getMessage().contains("drmaa2j-tck.no-such-key"), () -> "the message must name the key: " + e.getMessage());
        assertEquals(before, s.getJobs(null).size());
    }

    @Test
    @Assertion(id = "JT-34", section = SpecSections.DRMAA2J, value = "the well-known extension nodes=1 is honoured or rejected with UnsupportedAttributeException")
    void extensions_nodesOne(Tck tck, JobSession s) {
        JobTemplate t = tck.quick().extension(Extensions.NODES, "1").build();
        Job j;
        try {
            j = s.runJob(t);
        } catch (UnsupportedAttributeException e) {
            assertTrue(e.getAttribute().contains(Extensions.NODES) || e.getMessage().contains(Extensions.NODES), e::getMessage);
            return;
        }
        tck.finishAs(j, JobState.DONE);
    }

    @Test
    @Assertion(id = "JT-35", section = SpecSections.JOB_TEMPLATE, value = "without outputPath the job still runs to DONE (output goes to the driver's default)")
    void outputPath_unset(Tck tck, JobSession s) {
        tck.finishAs(s.runJob(JobTemplate.builder("/bin/echo").args("nowhere").build()), JobState.DONE);
    }

    @Test
    @Assertion(id = "JT-36", section = SpecSections.JOB_TEMPLATE, value = "a job whose command does not exist ends FAILED or is refused at submission, never DONE")
    void remoteCommand_missing(Tck tck, JobSession s) {
        Job j;
        try {
            j = s.runJob(JobTemplate.builder("/nonexistent/drmaa2j-tck-command").build());
        } catch (org.drmaa2j.Drmaa2Exception refused) {
            return;
        }
        tck.finishAs(j, JobState.FAILED);
    }

    /** A supported attribute: the job runs to DONE; an unsupported one: rejected, nothing submitted. */
    private static void accepted(Tck tck, JobSession s, Capability c, String attribute, JobTemplate t) {
        if (!tck.supports(c)) {
            rejected(tck, s, c, attribute, t);
            return;
        }
        JobInfo i = tck.finishAs(s.runJob(t), JobState.DONE).getJobInfo();
        assertEquals(0, i.getExitStatus());
    }

    /** Makes a fresh directory by a job, so it exists where jobs run. */
    static String makeDirectory(Tck tck, JobSession s, String hint) {
        String dir = tck.scratchPath(hint);
        tck.finishAs(s.runJob(tck.script(JobScripts.MKDIR, dir).build()), JobState.DONE);
        return dir;
    }
}
