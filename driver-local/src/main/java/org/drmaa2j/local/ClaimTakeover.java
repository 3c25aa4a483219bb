// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.drmaa2j.spi.store.OwnerProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a stored job is that has a start claim ({@link JobClaims}) but no recorded process:
 * its owner claimed it and may still be starting it, or died between claiming and recording the
 * start. A claim whose owner is provably gone ({@link OwnerProcess#isGone()}: same host, and its
 * process no longer runs or is another one now) is taken over: the dead claim is moved aside
 * atomically (one process wins) and this process claims the job itself. Then the job's own
 * start file ({@code .started}) tells whether the job was started: its process still runs (adopt
 * it), ended (its marker tells how; without one the job failed, and says why), or nothing was
 * started (start it now; a start by the dead owner's supervisor that was still under way finds the
 * job started and runs nothing). A claim without an owner (written by an older version) counts as gone once it is older
 * than {@value #OWNERLESS_STALE_MS} ms.
 */
final class ClaimTakeover {
    static final long OWNERLESS_STALE_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClaimTakeover.class);

    /** What the job is. */
    enum Kind {
        /** another live process (or one this process cannot check) owns the claim */
        OWNED_ELSEWHERE,
        /** taken over; its process runs: adopt it */
        RUNNING,
        /** taken over; its process ended: its marker tells how, if one was written */
        ENDED,
        /** taken over; nothing was started: this process starts it */
        NOT_STARTED
    }

    /**
     * @param kind what the job is
     * @param process the job's process, for RUNNING and ENDED
     * @param deadOwner who held the claim before, for the log
     */
    record Outcome(Kind kind, JobClaims.JobProcess process, String deadOwner) {
    }

    private final JobClaims claims;

    ClaimTakeover(JobClaims claims) {
        this.claims = claims;
    }

    /**
     * @param j a job with a claim and no recorded process
     * @return what it is; when it is not {@link Kind#OWNED_ELSEWHERE}, this process now owns the claim
     */
    Outcome inspect(LocalJob j) {
        Path file = claims.claimFile(j.session, j.id);
        Optional<JobClaims.Claim> claim = claims.readClaim(file);
        if (claim.isEmpty()) return takeFree(j, file, "nobody (the claim vanished)");
        Optional<OwnerProcess> owner = claim.get().owner();
        if (owner.isPresent() ? !owner.get().isGone()
                : claim.get().modifiedMillis() > System.currentTimeMillis() - OWNERLESS_STALE_MS) {
            return new Outcome(Kind.OWNED_ELSEWHERE, null, null);
        }
        String dead = owner.map(o -> "process " + o.pid() + " on " + o.host()).orElse("an unknown process");
        Path aside = file.resolveSibling(file.getFileName() + ".gone-" + OwnerProcess.current().pid() + "-" + System.nanoTime());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return new Outcome(Kind.OWNED_ELSEWHERE, null, null); // another process took it over first
        } catch (IOException e) {
            LOG.warn("cannot take over the claim of job {} held by {}, which is gone: {}", j.id, dead, e.toString());
            return new Outcome(Kind.OWNED_ELSEWHERE, null, null);
        }
        try {
            Files.deleteIfExists(aside);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", aside, e.toString());
        }
        return takeFree(j, file, dead);
    }

    private Outcome takeFree(LocalJob j, Path file, String dead) {
        try {
            if (!claims.claim(j)) return new Outcome(Kind.OWNED_ELSEWHERE, null, null); // a third process claimed it meanwhile
        } catch (IOException e) {
            LOG.warn("cannot claim job {}: {}", j.id, e.toString());
            return new Outcome(Kind.OWNED_ELSEWHERE, null, null);
        }
        Optional<JobClaims.JobProcess> w = claims.readStarted(j);
        if (w.isEmpty()) {
            LOG.info("job {}: its start claim was held by {}, which is gone before it started the job; starting it here", j.id, dead);
            return new Outcome(Kind.NOT_STARTED, null, dead);
        }
        boolean alive = JobClaims.alive(w.get().pid(), w.get().startMillis()).isPresent();
        LOG.info("job {}: its start claim was held by {}, which is gone; its process (pid {}) {}", j.id, dead, w.get().pid(),
                alive ? "runs: adopting it" : "has ended");
        return new Outcome(alive ? Kind.RUNNING : Kind.ENDED, w.get(), dead);
    }
}
