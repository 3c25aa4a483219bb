// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * A queue (a partition on Slurm) as seen by a {@link MonitoringSession}.
 *
 * @param name the queue name usable as {@link JobTemplate#getQueueName()}
 */
public record QueueInfo(String name) {
}
