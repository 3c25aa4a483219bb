// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.Map;

/**
 * The records of one qstat, pbsnodes or qstat -Q call in any of its formats: JSON
 * ({@code -F json}), XML (Torque's {@code qstat -x}) or the {@code name = value} text.
 */
final class QstatOutput {
    private QstatOutput() {
    }

    /**
     * @param json output of {@code qstat -f -F json}, {@code qstat -Q -f -F json} or {@code pbsnodes -a -F json}
     * @param section {@code Jobs}, {@code Queue}, {@code nodes} or {@code Server}
     * @return attributes by name, from every JSON document in the output; empty when the section is
     *     absent (no job matched)
     */
    static Map<String, Map<String, String>> json(String json, String section) {
        return FlatJsonRecords.read(json, section);
    }

    /**
     * @param json output of {@code qstat -f -F json}
     * @return the attributes {@link PbsJobRows} reads, by job id, from every JSON document in the
     *     output; empty when no job matched
     */
    static Map<String, Map<String, String>> jobsJson(String json) {
        return FlatJsonRecords.read(json, "Jobs", PbsJobRows.NAMES);
    }

    /**
     * @param json a JSON document printed by a PBS command
     * @return its {@code pbs_version}, or null
     */
    static String jsonVersion(String json) {
        Object v = LenientJson.parseObject(json).get("pbs_version");
        return v == null ? null : String.valueOf(v);
    }
}
