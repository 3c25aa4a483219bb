// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A process that owns something in the store (a journal claim, a job's start claim, a submission
 * intent): its host, process id and start time. The start time tells a live owner from a later,
 * unrelated process that got the same id.
 *
 * @param host the host name
 * @param pid the process id
 * @param startMillis the process's start, milliseconds since the epoch, or 0 when unknown
 */
public record OwnerProcess(String host, long pid, long startMillis) {
    private static final OwnerProcess CURRENT = new OwnerProcess(hostName(), ProcessHandle.current().pid(),
            ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L));
    /** How far two readings of one process's start time may differ. */
    private static final long START_TOLERANCE_MS = 2000;

    /** @return this process */
    public static OwnerProcess current() {
        return CURRENT;
    }

    /** @return true when this is the current process */
    public boolean isCurrent() {
        return equals(CURRENT) || host.equals(CURRENT.host) && pid == CURRENT.pid && startMillis == 0;
    }

    /**
     * @return true only when the owner is provably gone: it ran on this host, and no process with
     *         its id runs, or the one that does started at another time. An owner on another host is
     *         never provably gone.
     */
    public boolean isGone() {
        if (!host.equals(CURRENT.host)) return false;
        if (isCurrent()) return false;
        Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (h.isEmpty()) return true;
        if (startMillis == 0) return false;
        return h.get().info().startInstant().map(s -> Math.abs(s.toEpochMilli() - startMillis) > START_TOLERANCE_MS).orElse(false);
    }

    /** @return the three values, one per line: host, pid, start */
    public String toLines() {
        return host + "\n" + pid + "\n" + startMillis + "\n";
    }

    /**
     * @param text what {@link #toLines()} wrote (a missing start line, as older files have, reads as 0)
     * @return the owner, or empty when the text is incomplete (being written) or not an owner
     */
    public static Optional<OwnerProcess> parse(String text) {
        String[] l = text.split("\n");
        if (l.length < 2 || l[0].isBlank()) return Optional.empty();
        try {
            long start = l.length > 2 && !l[2].isBlank() ? Long.parseLong(l[2].trim()) : 0;
            return Optional.of(new OwnerProcess(l[0], Long.parseLong(l[1].trim()), start));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
