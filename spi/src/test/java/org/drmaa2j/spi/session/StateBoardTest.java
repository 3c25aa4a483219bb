// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

/**
 * How often the board wakes a waiter. The waiter counts its checks; the test reads the count only
 * while the waiter is parked on the board, so the figures do not depend on how fast the machine is.
 */
class StateBoardTest {
    /** A safety cap for a thread to park or end: far above what any machine needs. */
    private static final long CAP_NANOS = TimeUnit.MINUTES.toNanos(2);

    private static JobInfo info(String id, JobState s) {
        return JobInfo.builder().jobId(id).jobState(s).build();
    }

    /** Starts a waiter on job "w" that counts how often it checks; returns once it is parked on the board. */
    private static Thread waiter(StateBoard board, AtomicInteger checks) throws InterruptedException {
        Thread t = new Thread(() -> board.await(() -> {
            checks.incrementAndGet();
            JobInfo i = board.get("w");
            return i != null && i.getJobState().isTerminal() ? i : null;
        }, Duration.ofMinutes(10), () -> { }, "w to end"), "waiter");
        t.start();
        awaitParked(t, checks, 2); // the first check, and the one after the waiter listeners were told
        return t;
    }

    /** Waits until the waiter has checked at least {@code atLeast} times and is parked on the board's condition. */
    private static void awaitParked(Thread t, AtomicInteger checks, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + CAP_NANOS;
        while (checks.get() < atLeast || t.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the waiter never parked: " + t.getState() + ", " + checks);
            Thread.sleep(1);
        }
    }

    private static void awaitEnd(Thread t) throws InterruptedException {
        t.join(TimeUnit.NANOSECONDS.toMillis(CAP_NANOS));
        assertTrue(!t.isAlive(), "the waiter saw its job end");
    }

    @Test
    void aPollOfManyAnswers_wakesAWaiterOnce() throws Exception {
        StateBoard board = new StateBoard();
        board.put(info("w", JobState.RUNNING));
        AtomicInteger checks = new AtomicInteger();
        Thread t = waiter(board, checks);
        int before = checks.get();
        List<JobInfo> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) answers.add(info("j" + i, JobState.RUNNING));
        assertEquals(500, board.putAll(answers).size());
        awaitParked(t, checks, before + 1);
        assertEquals(1, checks.get() - before, "one poll's 500 answers woke the waiter once");
        board.put(info("w", JobState.DONE));
        awaitEnd(t);
        assertEquals(before + 2, checks.get(), "and its job's end once more");
    }

    @Test
    void unchangedInformation_wakesNobody() throws Exception {
        StateBoard board = new StateBoard();
        board.put(info("w", JobState.RUNNING));
        AtomicInteger checks = new AtomicInteger();
        Thread t = waiter(board, checks);
        int before = checks.get();
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) board.put(info("w", JobState.RUNNING));
        assertTrue(board.ageNanos("w") <= System.nanoTime() - t0, "unchanged news still counts as fresh");
        board.put(info("other", JobState.QUEUED)); // one change, so that the waiter checks once more
        awaitParked(t, checks, before + 1);
        assertEquals(1, checks.get() - before, "200 unchanged answers woke nobody; the one change woke the waiter once");
        board.put(info("w", JobState.FAILED));
        awaitEnd(t);
    }

    @Test
    void putAll_neverRevivesAnEndedJob() {
        StateBoard board = new StateBoard();
        board.put(info("a", JobState.DONE));
        List<JobInfo> accepted = board.putAll(List.of(info("a", JobState.RUNNING), info("b", JobState.QUEUED)));
        assertEquals(List.of(info("b", JobState.QUEUED)), accepted);
        assertEquals(JobState.DONE, board.get("a").getJobState());
    }

    @Test
    void aWaiterOfItsOwnJob_isWokenByThatJobAlone() throws Exception {
        StateBoard board = new StateBoard();
        board.put(info("w", JobState.RUNNING));
        AtomicInteger checks = new AtomicInteger();
        Thread t = new Thread(() -> board.await(List.of("w"), () -> {
            checks.incrementAndGet();
            JobInfo i = board.get("w");
            return i != null && i.getJobState().isTerminal() ? i : null;
        }, Duration.ofMinutes(10), () -> { }, "w to end"), "waiter of w");
        t.start();
        awaitParked(t, checks, 2);
        long before = board.signals();
        for (int i = 0; i < 1000; i++) board.put(info("j" + i, JobState.DONE)); // a thousand other jobs end, one by one
        assertEquals(before, board.signals(), "no other job's end signals the waiter of w");
        board.put(info("w", JobState.DONE));
        awaitEnd(t);
        assertEquals(before + 1, board.signals(), "its own job's end signals it once");
    }

    @Test
    void aWaiterOfAnyJob_isWokenByEveryChange_andWakeAllWakesEveryWaiter() throws Exception {
        StateBoard board = new StateBoard();
        board.put(info("w", JobState.RUNNING));
        AtomicInteger checks = new AtomicInteger();
        Thread any = waiter(board, checks);
        long before = board.signals();
        board.put(info("other", JobState.QUEUED));
        awaitParked(any, checks, 3);
        assertEquals(before + 1, board.signals());
        AtomicInteger own = new AtomicInteger();
        Thread mine = new Thread(() -> board.await(List.of("x"), () -> own.incrementAndGet() > 2 ? "woken" : null,
                Duration.ofMinutes(10), () -> { }, "x"), "waiter of x");
        mine.start();
        awaitParked(mine, own, 2);
        board.wakeAll();
        awaitEnd(mine);
        board.put(info("w", JobState.DONE));
        awaitEnd(any);
    }
}
