// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a reopened session asks the scheduler when it looks for submissions by their tags: the tags,
 * in order, and when the oldest of those submissions was recorded (a lookup need not search jobs
 * older than that, less a slack of its own for clocks that differ).
 *
 * @param tags the tags looked for, sorted
 * @param oldest when the oldest submission was recorded; now when there is none
 */
public record WantedTags(SortedSet<String> tags, Instant oldest) {
    /** Copies the tags so that the value cannot change. */
    public WantedTags {
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /**
     * @param intents the submissions looked for
     * @return their tags and the time the oldest was recorded
     */
    public static WantedTags of(Collection<SubmissionIntent> intents) {
        SortedSet<String> tags = new TreeSet<>();
        Instant oldest = Instant.now();
        for (SubmissionIntent i : intents) {
            tags.add(i.tag());
            if (i.recordedAt().isBefore(oldest)) oldest = i.recordedAt();
        }
        return new WantedTags(tags, oldest);
    }

    /** @return true when no tag is looked for */
    public boolean isEmpty() {
        return tags.isEmpty();
    }
}
