// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Job ids unique across processes: start time and a random tag of this process, then a counter. */
final class LocalIds {
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    LocalIds() {
        String tag = Long.toString((new SecureRandom().nextInt(36 * 36 * 36 * 36 - 46656) + 46656), 36);
        prefix = Long.toString(System.currentTimeMillis(), 36) + tag;
    }

    String next() {
        return prefix + "-" + counter.incrementAndGet();
    }
}
