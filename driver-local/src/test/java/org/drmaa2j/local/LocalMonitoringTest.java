// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drmaa2j.Event;
import org.drmaa2j.Job;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.Notification;
import org.drmaa2j.OperationUnsupportedException;
import org.junit.jupiter.api.Test;

class LocalMonitoringTest extends LocalTestSupport {

    @Test
    void monitoring_queueMachineAndJobs() {
        Job job = js.runJob(JobTemplate.builder("/bin/echo").build());
        job.waitTerminated(WAIT);
        try (MonitoringSession ms = sm.openMonitoringSession(null)) {
            assertEquals(List.of("local"), ms.getAllQueues(null).stream().map(q -> q.name()).toList());
            assertTrue(ms.getAllQueues(List.of("other")).isEmpty());
            List<MachineInfo> machines = ms.getAllMachines(null);
            assertEquals(1, machines.size());
            MachineInfo m = machines.get(0);
            assertEquals(job.getJobInfo().getAllocatedMachines().get(0), m.name());
            assertTrue(m.sockets() >= 1 && m.coresPerSocket() >= 1 && m.threadsPerCore() >= 1);
            assertTrue(m.sockets() * m.coresPerSocket() * m.threadsPerCore() >= 1);
            assertTrue(m.physMemory() > 0);
            List<JobInfo> mine = ms.getAllJobs(JobInfo.builder().jobId(job.getJobId()).build());
            assertEquals(1, mine.size());
            assertEquals(JobState.DONE, mine.get(0).getJobState());
            assertThrows(OperationUnsupportedException.class, ms::getAllReservations);
        }
    }

    @Test
    void reservations_areUnsupported() {
        assertThrows(OperationUnsupportedException.class, () -> sm.createReservationSession(null, null));
        assertThrows(OperationUnsupportedException.class, () -> sm.openReservationSession("x"));
        assertTrue(sm.getReservationSessionNames().isEmpty());
    }

    @Test
    void callback_toldOfNewStates() throws InterruptedException {
        List<Notification> seen = new CopyOnWriteArrayList<>();
        sm.registerEventNotification(seen::add);
        Job job = js.runJob(JobTemplate.builder("/bin/echo").build());
        job.waitTerminated(WAIT);
        long end = System.currentTimeMillis() + WAIT.toMillis(); // a safety cap: the news follows at once
        while (seen.stream().noneMatch(n -> n.jobState() == JobState.DONE) && System.currentTimeMillis() < end) Thread.sleep(10);
        List<JobState> states = seen.stream().filter(n -> n.jobId().equals(job.getJobId())).map(Notification::jobState).toList();
        assertTrue(states.contains(JobState.RUNNING) && states.contains(JobState.DONE), states.toString());
        assertTrue(seen.stream().allMatch(n -> n.event() == Event.NEW_STATE && n.sessionName().equals(js.getSessionName())));
    }
}
