// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import java.util.Locale;
import java.util.Map;
import org.drmaa2j.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flux job states (RFC 21) and results mapped to DRMAA2 states. {@code flux jobs --json} prints
 * names; the job-list service's raw records carry numbers (states 1 NEW, 2 DEPEND, 4 PRIORITY,
 * 8 SCHED, 16 RUN, 32 CLEANUP, 64 INACTIVE; results 1 COMPLETED, 2 FAILED, 4 CANCELED, 8 TIMEOUT).
 * A pending job with urgency 0 is held. An inactive job is DONE only when it COMPLETED with exit
 * status 0 and no signal; every other end is FAILED. Unknown words are UNDETERMINED and logged.
 */
final class FluxStates {
    private static final Logger LOG = LoggerFactory.getLogger(FluxStates.class);
    private static final Map<Integer, String> STATE_NUMBERS = Map.of(1, "NEW", 2, "DEPEND", 4, "PRIORITY", 8, "SCHED",
            16, "RUN", 32, "CLEANUP", 64, "INACTIVE");
    static final Map<Integer, String> RESULT_NUMBERS = Map.of(1, "COMPLETED", 2, "FAILED", 4, "CANCELED", 8, "TIMEOUT");
    static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("N", "NEW"), Map.entry("D", "DEPEND"), Map.entry("P", "PRIORITY"), Map.entry("S", "SCHED"),
            Map.entry("R", "RUN"), Map.entry("C", "CLEANUP"), Map.entry("I", "INACTIVE"),
            Map.entry("PD", "PENDING"), Map.entry("CD", "COMPLETED"), Map.entry("F", "FAILED"),
            Map.entry("CA", "CANCELED"), Map.entry("TO", "TIMEOUT"));

    private FluxStates() {
    }

    /**
     * @param value a state as printed ({@code SCHED}), as a number ({@code 8}) or abbreviated ({@code S})
     * @return the state name in upper case, or the text itself when it is none of these
     */
    static String stateName(String value) {
        return name(value, STATE_NUMBERS);
    }

    /**
     * @param value a result as printed ({@code FAILED}), as a number ({@code 2}) or abbreviated ({@code F})
     * @return the result name in upper case, or null when absent
     */
    static String resultName(String value) {
        if (value == null || value.isBlank()) return null;
        String n = name(value, RESULT_NUMBERS);
        return n.equals("CANCELLED") ? "CANCELED" : n;
    }

    private static String name(String value, Map<Integer, String> numbers) {
        if (value == null) return "";
        if (numbers.containsValue(value)) return value; // the common case: a name as flux jobs prints it
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return numbers.getOrDefault(Integer.parseInt(v), v);
        }
        return ABBREVIATIONS.getOrDefault(v, v);
    }

    /**
     * @param state the state name or number
     * @param result the result name or number of an inactive job, or null
     * @param urgency the job's urgency, or null when unknown
     * @param exitStatus the exit status of an inactive job, or null
     * @param signal the signal that ended an inactive job, or null
     * @return the DRMAA2 state
     */
    static JobState map(String state, String result, Integer urgency, Integer exitStatus, Integer signal) {
        String s = stateName(state);
        switch (s) {
            case "NEW": case "DEPEND": case "PRIORITY": case "SCHED": case "PENDING":
                return urgency != null && urgency == 0 ? JobState.QUEUED_HELD : JobState.QUEUED;
            case "RUN": case "CLEANUP": case "RUNNING":
                return JobState.RUNNING;
            case "INACTIVE":
                return inactive(resultName(result), exitStatus, signal);
            case "COMPLETED": case "FAILED": case "CANCELED": case "CANCELLED": case "TIMEOUT":
                // status words, as in {status} and {status_abbrev}
                return inactive(resultName(s), exitStatus, signal);
            default:
                LOG.warn("unknown Flux job state '{}': reported as UNDETERMINED", state);
                return JobState.UNDETERMINED;
        }
    }

    /**
     * @param value a result as printed, as a number or abbreviated
     * @return true when it is one of Flux's results
     */
    static boolean isResult(String value) {
        String r = resultName(value);
        return r != null && RESULT_NUMBERS.containsValue(r);
    }

    private static JobState inactive(String result, Integer exitStatus, Integer signal) {
        if (result == null) {
            return exitStatus != null && exitStatus == 0 && signal == null ? JobState.DONE : JobState.FAILED;
        }
        switch (result) {
            case "COMPLETED":
                return (exitStatus == null || exitStatus == 0) && signal == null ? JobState.DONE : JobState.FAILED;
            case "FAILED": case "CANCELED": case "TIMEOUT":
                return JobState.FAILED;
            default:
                // an ended job whose result is no word Flux has: which end it was is not known
                LOG.warn("unknown Flux job result '{}': reported as UNDETERMINED", result);
                return JobState.UNDETERMINED;
        }
    }
}
