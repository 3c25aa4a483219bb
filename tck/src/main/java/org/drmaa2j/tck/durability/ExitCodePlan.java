// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.durability;

import java.util.Map;
import org.drmaa2j.JobTemplate;

/**
 * The default plan: job {@code i} runs {@code /bin/sh -c 'exit "$1"' sh CODE} with CODE
 * {@code i % 4} (so three of four jobs fail with exit status 1, 2 or 3). Settings:
 * <ul>
 *   <li>{@value #LEDGER}: a file every job appends its name to before it exits, one line per
 *       run; a witness of how often each job really ran, for drivers whose scheduler keeps no list
 *       of its own (the file must be reachable where the jobs run);</li>
 *   <li>{@value #HOLD}: {@code true} submits every job held (the verifier releases them).</li>
 * </ul>
 */
public class ExitCodePlan implements CampaignPlan {
    /** Plan setting: the run ledger file. */
    public static final String LEDGER = "ledger";
    /** Plan setting: submit held. */
    public static final String HOLD = "hold";

    @Override
    public JobTemplate template(int index, String name, Map<String, String> settings) {
        String code = Integer.toString(expectedExit(index, settings));
        String ledger = settings.get(LEDGER);
        JobTemplate.Builder b = ledger == null
                ? JobTemplate.builder("/bin/sh").args("-c", "exit \"$1\"", "sh", code)
                : JobTemplate.builder("/bin/sh").args("-c", "echo \"$1\" >> \"$2\"; exit \"$3\"", "sh", name, ledger, code);
        return b.jobName(name).submitAsHold(Boolean.parseBoolean(settings.get(HOLD))).build();
    }

    @Override
    public int expectedExit(int index, Map<String, String> settings) {
        return index % 4;
    }
}
