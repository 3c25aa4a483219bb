// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.drmaa2j.DeniedByDrmsException;
import org.drmaa2j.DrmCommunicationException;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.junit.jupiter.api.Test;

class CommandErrorsTest {
    private static CommandResult result(int exit, String out, String err) {
        return new CommandResult(Command.of("qdel", "7"), exit, out, err, Duration.ZERO);
    }

    @Test
    void alreadyGone_anyPhraseInEitherStream() {
        CommandErrors e = CommandErrors.alreadyGoneWhen("Unknown Job Id", "job has finished");
        assertTrue(e.isAlreadyGone(result(153, "", "qdel: Unknown Job Id 7.server")));
        assertTrue(e.isAlreadyGone(result(1, "Job has finished", "")));
        assertFalse(e.isAlreadyGone(result(0, "", "unknown job id")));
        assertFalse(e.isAlreadyGone(result(1, "", "qdel: Unauthorized Request")));
        assertDoesNotThrow(() -> e.requireOrGone(result(153, "", "qdel: Unknown Job Id 7.server")));
        DeniedByDrmsException d = assertThrows(DeniedByDrmsException.class, () -> e.requireOrGone(result(159, "", "qdel: Unauthorized Request")));
        assertEquals("qdel failed (exit 159): qdel: Unauthorized Request", d.getMessage());
    }

    @Test
    void alreadyGone_everyLine() {
        CommandErrors e = CommandErrors.alreadyGoneWhenEveryLine("job is inactive", "unknown job id");
        assertTrue(e.isAlreadyGone(result(1, "", "flux-cancel: f1: job is inactive\nflux-cancel: f2: unknown job id\n")));
        assertFalse(e.isAlreadyGone(result(1, "", "flux-cancel: f1: job is inactive\nflux-cancel: f2: permission denied")));
        assertFalse(e.isAlreadyGone(result(1, "", "")));
    }

    @Test
    void require_andOutput() {
        assertDoesNotThrow(() -> CommandErrors.require(result(0, "", "")));
        assertThrows(DeniedByDrmsException.class, () -> CommandErrors.require(result(2, "", "no")));
        assertEquals("ok\n", CommandErrors.output(result(0, "ok\n", "")));
        DrmCommunicationException c = assertThrows(DrmCommunicationException.class, () -> CommandErrors.output(result(1, "", "down")));
        assertEquals("qdel failed (exit 1): down", c.getMessage());
        assertFalse(CommandErrors.NONE.isAlreadyGone(result(1, "", "unknown job id")));
    }

    @Test
    void mentions_ignoresCase() {
        assertTrue(CommandErrors.mentions(result(1, "", "Access/permission denied"), CommandErrors.lower("ACCESS/PERMISSION")));
        assertFalse(CommandErrors.mentions(result(1, "", "busy"), CommandErrors.lower("denied")));
    }
}
