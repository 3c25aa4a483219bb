// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.session;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Capability;
import org.drmaa2j.JobSession;
import org.drmaa2j.spi.util.MonotonicClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A generic session manager over a {@link TinyBackend}, with a private state directory. */
abstract class GenericSessionTestSupport {
    @TempDir
    Path tmp;
    GenericSessionManager sm;
    TinyBackend backend;
    JobSession js;

    void open(Set<Capability> caps, long fastMillis, long slowMillis) {
        Map<String, String> p = new HashMap<>();
        p.put("drmaa2j.poll.fastMillis", Long.toString(fastMillis));
        p.put("drmaa2j.poll.slowMillis", Long.toString(slowMillis));
        open(caps, p);
    }

    /** Opens with the poller's intervals on a clock of the test's own. */
    void open(Set<Capability> caps, long fastMillis, long slowMillis, MonotonicClock pollClock) {
        Map<String, String> p = new HashMap<>();
        p.put("drmaa2j.poll.fastMillis", Long.toString(fastMillis));
        p.put("drmaa2j.poll.slowMillis", Long.toString(slowMillis));
        open(caps, p, pollClock);
    }

    /** Opens with the default poll intervals. */
    void openWithDefaults(Set<Capability> caps) {
        open(caps, new HashMap<>());
    }

    private void open(Set<Capability> caps, Map<String, String> p) {
        open(caps, p, MonotonicClock.SYSTEM);
    }

    private void open(Set<Capability> caps, Map<String, String> p, MonotonicClock pollClock) {
        p.put("drmaa2j.stateDir", tmp.toString());
        sm = new GenericSessionManager("tiny", p, ctx -> {
            backend = new TinyBackend(ctx, caps);
            return backend;
        });
        sm.pollClock(pollClock);
        js = sm.createJobSession("s1", null);
    }

    GenericSessionManager another() {
        return new GenericSessionManager("tiny", Map.of("drmaa2j.stateDir", tmp.toString()), ctx -> new TinyBackend(ctx, TinyBackend.all()));
    }

    @AfterEach
    void closeAll() {
        if (sm != null) sm.close();
    }
}
