// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.durability;

import java.util.Map;
import org.drmaa2j.JobTemplate;

/**
 * What each job of a kill-test campaign runs and how it must end. Implementations have a public
 * no-argument constructor: the campaign's JVM and the verifying JVM each make one, and must get the
 * same templates and expectations from the same index and settings.
 */
public interface CampaignPlan {
    /**
     * @param index the job's index in the campaign, from 0
     * @param name the job's name, which the template must carry as its job name
     * @param settings the plan settings given to {@link KillTest.Builder#plan}
     * @return the template of that job
     */
    JobTemplate template(int index, String name, Map<String, String> settings);

    /**
     * @param index the job's index in the campaign
     * @param settings the plan settings
     * @return the exit status the job must end with: 0 means {@link org.drmaa2j.JobState#DONE},
     *         anything else {@link org.drmaa2j.JobState#FAILED} with that exit status
     */
    int expectedExit(int index, Map<String, String> settings);
}
