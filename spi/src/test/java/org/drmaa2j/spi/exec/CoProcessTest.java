// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A co-process started by the local runner: real {@code /bin/sh} helpers answering in lines. */
class CoProcessTest {
    private static final Duration CAP = Duration.ofSeconds(30);

    private static CoProcess start(String script) {
        Optional<CoProcess> c = new RetryingCommandRunner(new LocalCommandRunner(), RetryPolicy.NONE, TransientFailures.common())
                .startCoProcess(Command.of("/bin/sh", "-c", script));
        assertTrue(c.isPresent(), "the local runner offers co-processes");
        return c.get();
    }

    @Test
    void requestsAndAnswers_inLines_utf8() throws Exception {
        try (CoProcess c = start("echo ready; while IFS= read -r l; do printf 'got %s\\n' \"$l\"; done")) {
            assertEquals("ready", c.readLine(CAP));
            assertEquals("got a b", c.request("a b", CAP));
            assertEquals("got ƒ{\"x\":1}", c.request("ƒ{\"x\":1}", CAP));
            assertThrows(IllegalArgumentException.class, () -> c.request("two\nlines", CAP));
        }
    }

    @Test
    void endedBefore_notDelivered() throws Exception {
        CoProcess c = start("echo bye >&2; exit 3");
        assertThrows(CoProcess.NoAnswerException.class, () -> c.readLine(CAP));
        CoProcess.NotDeliveredException e = assertThrows(CoProcess.NotDeliveredException.class, () -> c.request("x", CAP));
        assertTrue(e.getMessage().contains("exit code 3: bye"), e.getMessage());
        assertFalse(c.isAlive());
    }

    @Test
    void endedInTheMiddle_noAnswer_withItsLastWords() throws Exception {
        CoProcess c = start("echo ready; IFS= read -r l; echo \"cannot do $l\" >&2; exit 1");
        c.readLine(CAP);
        CoProcess.NoAnswerException e = assertThrows(CoProcess.NoAnswerException.class, () -> c.request("it", CAP));
        assertTrue(e.getMessage().contains("exit code 1: cannot do it"), e.getMessage());
    }

    @Test
    void noAnswerInTime_theProcessIsEnded() throws Exception {
        CoProcess c = start("echo ready; IFS= read -r l; exec sleep 300");
        c.readLine(CAP);
        assertThrows(CoProcess.NoAnswerException.class, () -> c.request("x", Duration.ofMillis(200)));
        assertFalse(c.isAlive(), "ended by the watchdog");
    }

    @Test
    void runnersThatHoldNothingOpen_offerNone() {
        CommandRunner r = new CommandRunner() {
            @Override
            public CommandResult run(Command command) {
                throw new AssertionError();
            }

            @Override
            public String describe() {
                return "none";
            }
        };
        assertEquals(Optional.empty(), new MeteredCommandRunner(r).startCoProcess(Command.of("/bin/true")));
    }
}
