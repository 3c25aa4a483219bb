// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.drmaa2j.Capability;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.Job;
import org.drmaa2j.JobSession;
import org.drmaa2j.JobState;
import org.drmaa2j.JobTemplate;
import org.drmaa2j.MachineInfo;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.OperationUnsupportedException;
import org.drmaa2j.Reservation;
import org.drmaa2j.ReservationSession;
import org.drmaa2j.ReservationTemplate;
import org.drmaa2j.ResourceLimit;
import org.drmaa2j.SessionManagementException;
import org.drmaa2j.SessionManager;
import org.drmaa2j.UnsupportedAttributeException;
import org.drmaa2j.tck.support.JobScripts;
import org.drmaa2j.tck.support.Tck;
import org.junit.jupiter.api.function.Executable;

/**
 * One probe per {@link Capability}: the smallest use of the operation or attribute it stands for. When
 * the driver reports the capability, the probe must work (the job is accepted, the operation returns);
 * when it does not, the probe must be refused with {@link OperationUnsupportedException} (operations) or
 * {@link UnsupportedAttributeException} naming the attribute (template attributes), submitting nothing.
 * The finer semantics of each feature are other assertions'; this one checks that
 * {@link SessionManager#supports(Capability)} tells the truth, in both directions, for every constant.
 */
final class CapabilityProbes {
    /** The capabilities whose probes reserve slots starting now: a scheduler may refuse while they are busy. */
    private static final Set<Capability> RESERVING = EnumSet.of(Capability.ADVANCE_RESERVATION, Capability.RESERVE_SLOTS,
            Capability.RT_STARTNOW, Capability.RT_DURATION, Capability.RT_MACHINEOS, Capability.RT_MACHINEARCH,
            Capability.JT_RESERVATION);
    private final Tck tck;
    private final JobSession s;
    private Job ended;

    private CapabilityProbes(Tck tck, JobSession s) {
        this.tck = tck;
        this.s = s;
    }

    /** Checks every capability, reporting all that lie rather than the first. */
    static void checkAll(Tck tck, JobSession s) {
        CapabilityProbes p = new CapabilityProbes(tck, s);
        List<Executable> checks = new ArrayList<>();
        // the reservation probes first, while the probes' own jobs do not yet keep slots busy
        List<Capability> order = new ArrayList<>(List.of(Capability.values()));
        order.sort(Comparator.comparing(c -> !RESERVING.contains(c)));
        for (Capability c : order) checks.add(() -> p.check(c));
        assertAll("supports() must tell the truth for every capability", checks);
    }

    private void check(Capability c) throws Throwable {
        if (tck.supports(c)) {
            try {
                works(c);
            } catch (OperationUnsupportedException | UnsupportedAttributeException e) {
                fail(c + " is reported supported, but using it throws " + e, e);
            }
            return;
        }
        refused(c);
    }

    // ---- supported: the probe works -----------------------------------------------------------

    private void works(Capability c) throws Throwable {
        switch (c) {
            case ADVANCE_RESERVATION -> withReservationSession(r -> assertNotNull(r.getReservations()));
            case RESERVE_SLOTS, RT_STARTNOW, RT_DURATION, RT_MACHINEOS, RT_MACHINEARCH -> withReservationSession(r -> {
                Reservation res = r.requestReservation(reservation(c).build());
                assertTrue(res.getInfo().reservedSlots() >= 1, () -> c + ": reserved " + res.getInfo());
                res.terminate();
            });
            case CALLBACK -> {
                SessionManager own = tck.newSessionManager();
                own.registerEventNotification(n -> { });
                own.registerEventNotification(null);
            }
            case BULK_JOBS_MAXPARALLEL -> assertEquals(2, s.runBulkJobs(tck.quick().build(), 1, 2, 1, 1).getJobs().size());
            case JOB_SUSPEND -> {
                Job j = s.runJob(tck.longJob().build());
                j.waitStarted(tck.jobTimeout());
                j.suspend();
                j.resume();
                j.terminate();
            }
            case JOB_HOLD -> {
                Job j = JobSessionTest.blockedJob(tck, s);
                if (j.getState() != JobState.QUEUED_HELD) j.hold();
                j.release();
                j.terminate();
            }
            case JT_SUBMIT_AS_HOLD -> {
                Job j = s.runJob(tck.longJob().submitAsHold(true).build());
                assertEquals(JobState.QUEUED_HELD, j.getState());
                j.terminate();
            }
            case MONITORING -> {
                try (MonitoringSession m = tck.manager().openMonitoringSession(tck.environment().contact())) {
                    assertNotNull(m.getAllQueues(null));
                }
            }
            case PERSISTENT_SESSIONS -> {
                JobSession first = tck.newSession();
                first.close();
                tck.newSessionManager().openJobSession(first.getSessionName()).close();
            }
            case JT_STAGING -> {
                String src = tck.scratchPath("probe-stage");
                tck.finishAs(s.runJob(tck.script(JobScripts.WRITE_TEXT, src, "staged").build()), JobState.DONE);
                accepted(tck.quick().stageInFiles(Map.of(src, "staged.txt")));
            }
            case JT_CANDIDATE_MACHINES -> {
                MachineInfo m = Templates.someMachine(tck);
                if (m == null) fail("JT_CANDIDATE_MACHINES is supported, so the TCK must learn a machine name (environment or monitoring)");
                accepted(tck.quick().candidateMachines(List.of(m.name())));
            }
            case JT_QUEUE -> {
                String q = Templates.someQueue(tck);
                if (q == null) fail("JT_QUEUE is supported, so the TCK must learn a queue name (environment or monitoring)");
                accepted(tck.quick().queueName(q));
            }
            case JT_JOB_CATEGORY -> accepted(tck.quick().jobCategory(s.getJobCategories().stream().sorted().findFirst()
                    .orElseGet(() -> fail("JT_JOB_CATEGORY is supported, so getJobCategories must list a category"))));
            case JT_RESERVATION -> {
                if (tck.supports(Capability.ADVANCE_RESERVATION)) {
                    withReservationSession(r -> {
                        Reservation res = r.requestReservation(reservation(Capability.RESERVE_SLOTS).build());
                        Job j = s.runJob(tck.quick().reservationId(res.getReservationId()).build());
                        assertFalse(j.getJobId() == null || j.getJobId().isBlank(), "a job id");
                        // a scheduler refuses to delete a reservation a job still uses
                        j.terminate();
                        j.waitTerminated(tck.jobTimeout());
                        res.terminate();
                    });
                } else {
                    // no reservation to be had here: the attribute must not be refused as unsupported; the
                    // scheduler may refuse the unknown reservation in its own words
                    try {
                        s.runJob(tck.quick().reservationId("drmaa2j-tck-no-such-reservation").build());
                    } catch (OperationUnsupportedException | UnsupportedAttributeException e) {
                        throw e;
                    } catch (Drmaa2Exception e) {
                        // refused by the scheduler, not as unsupported
                    }
                }
            }
            default -> accepted(attribute(c).apply(tck.quick()));
        }
    }

    private void accepted(JobTemplate.Builder t) {
        Job j = s.runJob(t.build());
        assertFalse(j.getJobId() == null || j.getJobId().isBlank(), "a job id");
    }

    // ---- unsupported: the probe is refused ----------------------------------------------------

    private void refused(Capability c) throws Throwable {
        String msg = c + " is reported unsupported, so using it must be refused";
        switch (c) {
            case ADVANCE_RESERVATION -> assertThrows(OperationUnsupportedException.class,
                    () -> tck.manager().createReservationSession(tck.newSessionName(), tck.environment().contact()), msg);
            case RESERVE_SLOTS, RT_STARTNOW, RT_DURATION, RT_MACHINEOS, RT_MACHINEARCH -> {
                if (!tck.supports(Capability.ADVANCE_RESERVATION)) {
                    assertThrows(OperationUnsupportedException.class,
                            () -> tck.manager().createReservationSession(tck.newSessionName(), tck.environment().contact()), msg);
                    return;
                }
                withReservationSession(r -> {
                    Drmaa2Exception e = assertThrows(Drmaa2Exception.class, () -> r.requestReservation(reservation(c).build()), msg);
                    if (c == Capability.RESERVE_SLOTS) {
                        assertTrue(e instanceof OperationUnsupportedException || e instanceof UnsupportedAttributeException, () -> msg + ", not " + e);
                    } else {
                        UnsupportedAttributeException u = assertInstance(UnsupportedAttributeException.class, e, msg);
                        assertEquals(reservationAttribute(c), u.getAttribute(), () -> msg + ": the exception must name the attribute");
                    }
                });
            }
            case CALLBACK -> assertThrows(OperationUnsupportedException.class,
                    () -> tck.newSessionManager().registerEventNotification(n -> { }), msg);
            case BULK_JOBS_MAXPARALLEL -> nothingSubmitted(msg, () -> assertThrows(OperationUnsupportedException.class,
                    () -> s.runBulkJobs(tck.quick().build(), 1, 2, 1, 1), msg));
            case JOB_SUSPEND -> assertThrows(OperationUnsupportedException.class, () -> ended().suspend(), msg);
            case JOB_HOLD -> assertThrows(OperationUnsupportedException.class, () -> ended().release(), msg);
            case MONITORING -> assertThrows(OperationUnsupportedException.class,
                    () -> tck.manager().openMonitoringSession(tck.environment().contact()), msg);
            case PERSISTENT_SESSIONS -> {
                JobSession first = tck.newSession();
                first.close();
                SessionManager second = tck.newSessionManager();
                Drmaa2Exception e = assertThrows(Drmaa2Exception.class, () -> second.openJobSession(first.getSessionName()), msg);
                assertTrue(e instanceof SessionManagementException || e instanceof OperationUnsupportedException,
                        () -> msg + " with SessionManagementException or OperationUnsupportedException, not " + e);
            }
            default -> {
                JobTemplate t = attribute(c).apply(tck.quick()).build();
                nothingSubmitted(msg, () -> {
                    UnsupportedAttributeException e = assertThrows(UnsupportedAttributeException.class, () -> s.runJob(t), msg);
                    assertEquals(jobAttribute(c), e.getAttribute(), () -> msg + ": the exception must name the attribute");
                });
            }
        }
    }

    private void nothingSubmitted(String msg, Runnable refusal) {
        int before = s.getJobs(null).size();
        refusal.run();
        assertEquals(before, s.getJobs(null).size(), () -> msg + ", submitting nothing");
    }

    private static <T> T assertInstance(Class<T> type, Throwable e, String msg) {
        assertTrue(type.isInstance(e), () -> msg + " with " + type.getSimpleName() + ", not " + e);
        return type.cast(e);
    }

    /** @return a job that has ended, made once */
    private Job ended() {
        if (ended == null) ended = tck.finish(s.runJob(tck.quick().build()));
        return ended;
    }

    // ---- the attribute of each template capability ---------------------------------------------

    private UnaryOperator<JobTemplate.Builder> attribute(Capability c) {
        return switch (c) {
            case JT_EMAIL -> b -> b.email(List.of("tck@localhost"));
            case JT_STAGING -> b -> b.stageInFiles(Map.of(tck.scratchPath("probe-stage"), "staged.txt"));
            case JT_DEADLINE -> b -> b.deadlineTime(Instant.now().plus(Duration.ofHours(1)));
            case JT_MAXSLOTS -> b -> b.maxSlots(1L);
            case JT_ACCOUNTINGID -> b -> b.accountingId(tck.environment().accountingId() != null ? tck.environment().accountingId() : "tck");
            case JT_SUBMIT_AS_HOLD -> b -> b.submitAsHold(true);
            case JT_START_TIME -> b -> b.startTime(Instant.now().plus(Duration.ofHours(1)));
            case JT_PRIORITY -> b -> b.priority(0L);
            case JT_CANDIDATE_MACHINES -> b -> b.candidateMachines(List.of("tck-host"));
            case JT_MIN_PHYS_MEMORY -> b -> b.minPhysMemory(1024L);
            case JT_MACHINE_OS -> b -> b.machineOS(Templates.machineOS(tck));
            case JT_MACHINE_ARCH -> b -> b.machineArch(Templates.machineArch(tck));
            case JT_RESERVATION -> b -> b.reservationId("tck-reservation");
            case JT_RESOURCE_LIMITS -> b -> b.resourceLimit(ResourceLimit.WALLCLOCK_TIME, 600);
            case JT_RERUNNABLE -> b -> b.rerunnable(true);
            case JT_JOB_CATEGORY -> b -> b.jobCategory("tck-category");
            case JT_QUEUE -> b -> b.queueName("tck-queue");
            case JT_INPUT_PATH -> b -> b.inputPath("/dev/null");
            default -> throw new IllegalStateException("no template attribute probe for " + c);
        };
    }

    private static String jobAttribute(Capability c) {
        return switch (c) {
            case JT_EMAIL -> "email";
            case JT_STAGING -> "stageInFiles";
            case JT_DEADLINE -> "deadlineTime";
            case JT_MAXSLOTS -> "maxSlots";
            case JT_ACCOUNTINGID -> "accountingId";
            case JT_SUBMIT_AS_HOLD -> "submitAsHold";
            case JT_START_TIME -> "startTime";
            case JT_PRIORITY -> "priority";
            case JT_CANDIDATE_MACHINES -> "candidateMachines";
            case JT_MIN_PHYS_MEMORY -> "minPhysMemory";
            case JT_MACHINE_OS -> "machineOS";
            case JT_MACHINE_ARCH -> "machineArch";
            case JT_RESERVATION -> "reservationId";
            case JT_RESOURCE_LIMITS -> "resourceLimits";
            case JT_RERUNNABLE -> "rerunnable";
            case JT_JOB_CATEGORY -> "jobCategory";
            case JT_QUEUE -> "queueName";
            case JT_INPUT_PATH -> "inputPath";
            default -> throw new IllegalStateException(c.name());
        };
    }

    // ---- reservations -----------------------------------------------------------------------------

    private interface ReservationUse {
        void run(ReservationSession r) throws Throwable;
    }

    private void withReservationSession(ReservationUse use) throws Throwable {
        String name = tck.newSessionName();
        ReservationSession r = tck.manager().createReservationSession(name, tck.environment().contact());
        try {
            use.run(r);
        } finally {
            r.close();
            tck.manager().destroyReservationSession(name);
        }
    }

    /**
     * A ten-minute reservation of one slot that uses, of the start-now and duration attributes, only those
     * the driver reports, plus the attribute of the capability probed.
     */
    private ReservationTemplate.Builder reservation(Capability c) {
        ReservationTemplate.Builder b = ReservationTemplate.builder().reservationName("tck").minSlots(1L);
        boolean now = c == Capability.RT_STARTNOW || (c != Capability.RT_DURATION && tck.supports(Capability.RT_STARTNOW));
        Instant start = Instant.now().plus(Duration.ofMinutes(2));
        if (!now) b.startTime(start);
        boolean duration = c == Capability.RT_DURATION || (c != Capability.RT_STARTNOW && tck.supports(Capability.RT_DURATION));
        if (duration) b.duration(Duration.ofMinutes(10));
        else b.endTime((now ? Instant.now() : start).plus(Duration.ofMinutes(10)));
        if (c == Capability.RT_MACHINEOS) b.machineOS(Templates.machineOS(tck));
        if (c == Capability.RT_MACHINEARCH) b.machineArch(Templates.machineArch(tck));
        return b;
    }

    private static String reservationAttribute(Capability c) {
        return switch (c) {
            case RT_STARTNOW -> "startTime";
            case RT_DURATION -> "duration";
            case RT_MACHINEOS -> "machineOS";
            case RT_MACHINEARCH -> "machineArch";
            default -> throw new IllegalStateException(c.name());
        };
    }
}
