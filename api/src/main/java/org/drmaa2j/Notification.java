// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * One event delivered to a {@link Drmaa2Callback}.
 *
 * @param event what happened
 * @param jobId the job it happened to
 * @param sessionName the job session the job belongs to
 * @param jobState the job's state after the event
 */
public record Notification(Event event, String jobId, String sessionName, JobState jobState) {
}
