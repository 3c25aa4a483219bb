// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.InvalidStateException;
import org.drmaa2j.Job;
import org.drmaa2j.JobArray;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.Placeholders;
import org.junit.jupiter.api.Test;

class LocalBulkTest extends LocalTestSupport {

    @Test
    void maxParallel2_neverRunsMoreThanTwoTasks() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("spans"));
        // each task records its start and end (nanoseconds) in its own file
        JobTemplate t = sh("echo \"start $(date +%s%N)\" > \"$1/$2\"; /bin/sleep 0.4; echo \"end $(date +%s%N)\" >> \"$1/$2\"",
                dir.toString(), Placeholders.PARAMETRIC_INDEX).build();
        JobArray array = js.runBulkJobs(t, 1, 6, 1, 2);
        assertEquals(6, array.getJobs().size());
        for (Job j : array.getJobs()) j.waitTerminated(WAIT);
        List<long[]> spans = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            List<String> lines = Files.readAllLines(dir.resolve(Integer.toString(i)));
            spans.add(new long[] {Long.parseLong(lines.get(0).split(" ")[1]), Long.parseLong(lines.get(1).split(" ")[1])});
        }
        int maxOverlap = 0;
        for (long[] s : spans) {
            int overlap = 0;
            for (long[] o : spans) if (o[0] <= s[0] && s[0] < o[1]) overlap++;
            maxOverlap = Math.max(maxOverlap, overlap);
        }
        assertTrue(maxOverlap <= 2, "at most 2 tasks may run at once, saw " + maxOverlap);
        assertEquals(2, maxOverlap, "two tasks should have run side by side");
        for (Job j : array.getJobs()) assertEquals(JobState.DONE, j.getState());
    }

    @Test
    void bulk_indexPlaceholder_andStep() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        JobArray a = js.runBulkJobs(JobTemplate.builder("/bin/echo").args("task", Placeholders.PARAMETRIC_INDEX)
                .outputPath(dir + "/" + Placeholders.PARAMETRIC_INDEX + ".txt").build(), 3, 9, 3, 0);
        List<Job> jobs = a.getJobs();
        assertEquals(3, jobs.size());
        for (Job j : jobs) j.waitTerminated(WAIT);
        assertEquals("task 3\n", read(dir.resolve("3.txt")));
        assertEquals("task 6\n", read(dir.resolve("6.txt")));
        assertEquals("task 9\n", read(dir.resolve("9.txt")));
        assertEquals(a, js.getJobArray(a.getJobArrayId()));
    }

    @Test
    void bulk_badArguments_nameTheParameter() {
        JobTemplate t = JobTemplate.builder("/bin/echo").build();
        assertEquals("begin", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(t, 0, 3, 1, 0)).getField());
        assertEquals("end", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(t, 4, 3, 1, 0)).getField());
        assertEquals("step", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(t, 1, 3, 0, 0)).getField());
        assertEquals("maxParallel", assertThrows(InvalidArgumentException.class, () -> js.runBulkJobs(t, 1, 3, 1, -1)).getField());
        assertTrue(js.getJobs(null).isEmpty());
    }

    @Test
    void array_holdReleaseTerminateReap() {
        JobArray a = js.runBulkJobs(JobTemplate.builder("/bin/sleep").args("30").submitAsHold(true).build(), 1, 3, 1, 0);
        for (Job j : a.getJobs()) assertEquals(JobState.QUEUED_HELD, j.getState());
        assertThrows(InvalidStateException.class, a::suspend);
        assertThrows(InvalidStateException.class, a::reap);
        a.release();
        for (Job j : a.getJobs()) j.waitStarted(WAIT);
        a.suspend();
        for (Job j : a.getJobs()) assertEquals(JobState.SUSPENDED, j.getState());
        a.resume();
        a.terminate();
        for (Job j : a.getJobs()) j.waitTerminated(WAIT);
        a.reap();
        assertTrue(js.getJobs(null).isEmpty());
    }
}
