// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.JobInfo;

/**
 * Turns Flux job records into {@link JobInfo}: the objects {@code flux jobs --json} prints, and
 * the job-list service's raw records (numeric states and results, flattened
 * {@code exception_*} keys). Absent fields stay unknown.
 */
final class FluxJobRecords {
    /** Reads doubles (the t_* times) with Jackson's fast parser, which rounds exactly as {@link Double#parseDouble} does. */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private FluxJobRecords() {
    }

    /**
     * @param line one JSON object, as the job-list service returns it
     * @return the record
     */
    static JsonNode parseRecord(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON job record: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param r a job record
     * @return what it says about the job
     */
    static JobInfo toJobInfo(JsonNode r) {
        return FluxJobFields.of(r).toJobInfo();
    }

    /**
     * Reads {@code flux jobs --json} without building a tree: thousands of jobs per tick.
     *
     * @param stdout {@code {"jobs": [...]}}, or one job object when a single id was asked for
     * @return each job's information
     * @throws IllegalArgumentException if the text is not such JSON
     */
    static List<JobInfo> readJobsJson(String stdout) {
        List<JobInfo> out = new ArrayList<>();
        String text = stdout.strip();
        if (text.isEmpty()) return out;
        try (JsonParser p = MAPPER.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("flux jobs printed no JSON object");
            JsonToken t = p.nextToken();
            if (t == JsonToken.FIELD_NAME && p.currentName().equals("jobs") && p.nextToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    p.nextToken();
                    out.add(FluxJobFields.read(p).toJobInfo());
                }
                if (p.currentToken() != JsonToken.END_ARRAY) throw new IllegalArgumentException("flux jobs printed a job that is not an object");
            } else {
                out.add(FluxJobFields.read(p).toJobInfo());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("flux jobs printed no JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The signal the job script left when its command was killed by one (the memo
     * {@code drmaa2j.signal=N}, shown as the user annotation {@code drmaa2j}).
     *
     * @param user the job's user annotations (or a memo event's context)
     * @return the signal number, or null
     */
    static Integer markedSignal(JsonNode user) {
        JsonNode s = user.path("drmaa2j").path("signal");
        if (s.isIntegralNumber()) return s.asInt();
        if (s.isTextual()) {
            try {
                return Integer.valueOf(s.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * @param seconds seconds since the epoch, with a fraction
     * @return the instant, to the microsecond
     */
    static Instant epoch(double seconds) {
        long micros = Math.round(seconds * 1_000_000d);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
