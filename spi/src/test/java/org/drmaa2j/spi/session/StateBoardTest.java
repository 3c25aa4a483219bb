// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;
import org.junit.jupiter.api.Test;

class StateBoardTest {
    private static JobInfo info(String id, JobState s) {
        return JobInfo.builder().jobId(id).jobState(s).build();
    }

    /** Starts a waiter on job "w" that counts how often it checks; returns once it waits. */
    private static Thread waiter(StateBoard board, AtomicInteger checks) throws InterruptedException {
        Thread t = new Thread(() -> board.await(() -> {
            checks.incrementAndGet();
            JobInfo i = board.get("w");
            return i != null && i.getJobState().isTerminal() ? i : null;
        }, Duration.ofSeconds(30), () -> { }, "w to end"));
        t.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (board.waiters() == 0 && System.nanoTime() < deadline) Thread.sleep(2);
        Thread.sleep(50);
        return t;
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
        Thread.sleep(100);
        assertTrue(checks.get() - before <= 2, "one poll's 500 answers woke the waiter " + (checks.get() - before) + " times");
        board.put(info("w", JobState.DONE));
        t.join(10_000);
        assertTrue(!t.isAlive(), "the waiter saw its job end");
    }

    @Test
    void unchangedInformation_wakesNobody() throws Exception {
        StateBoard board = new StateBoard();
        board.put(info("w", JobState.RUNNING));
        AtomicInteger checks = new AtomicInteger();
        Thread t = waiter(board, checks);
        int before = checks.get();
        for (int i = 0; i < 200; i++) board.put(info("w", JobState.RUNNING));
        Thread.sleep(100);
        assertTrue(checks.get() - before <= 1, "unchanged news woke the waiter " + (checks.get() - before) + " times");
        assertTrue(board.ageNanos("w") < Duration.ofSeconds(5).toNanos(), "unchanged news still counts as fresh");
        board.put(info("w", JobState.FAILED));
        t.join(10_000);
        assertTrue(!t.isAlive());
    }

    @Test
    void putAll_neverRevivesAnEndedJob() {
        StateBoard board = new StateBoard();
        board.put(info("a", JobState.DONE));
        List<JobInfo> accepted = board.putAll(List.of(info("a", JobState.RUNNING), info("b", JobState.QUEUED)));
        assertEquals(List.of(info("b", JobState.QUEUED)), accepted);
        assertEquals(JobState.DONE, board.get("a").getJobState());
    }
}
