// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.lsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the JSON that {@code bjobs/bqueues/bhosts -o … -json} print: an object with
 * {@code COMMAND}, a count and {@code RECORDS}, one flat object of strings per job, queue or host.
 * "Please wait" lines before the object are skipped. LSF does not always escape quotes inside
 * values (job names), so text that is not valid JSON is read line by line, one
 * {@code "KEY":"VALUE"} per line, which is the layout LSF prints.
 */
final class LsfJson {
    private static final Logger LOG = LoggerFactory.getLogger(LsfJson.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PAIR = Pattern.compile("^\\s*\"([A-Za-z0-9_%]+)\"\\s*:\\s*\"(.*)\"\\s*,?\\s*$");

    private LsfJson() {
    }

    /**
     * @param text the command's standard output
     * @return the records, keys as printed; empty when there is no JSON object
     */
    static List<Map<String, String>> records(String text) {
        int brace = text.indexOf('{');
        if (brace < 0) return List.of();
        String json = text.substring(brace);
        try {
            JsonNode root = MAPPER.readTree(json);
            List<Map<String, String>> out = new ArrayList<>();
            JsonNode recs = root.path("RECORDS");
            for (JsonNode rec : recs) {
                Map<String, String> row = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = rec.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    row.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
                out.add(row);
            }
            return out;
        } catch (JsonProcessingException e) {
            LOG.debug("LSF printed JSON a strict parser rejects ({}); reading it line by line", e.getOriginalMessage());
            return lenient(json);
        }
    }

    private static List<Map<String, String>> lenient(String json) {
        List<Map<String, String>> out = new ArrayList<>();
        int records = json.indexOf("\"RECORDS\"");
        if (records < 0) return out;
        Map<String, String> current = null;
        for (String line : json.substring(records).split("\r?\n")) {
            String l = line.trim();
            if (l.startsWith("{")) {
                current = new LinkedHashMap<>();
                continue;
            }
            if (l.startsWith("}")) {
                if (current != null) out.add(current);
                current = null;
                continue;
            }
            Matcher m = PAIR.matcher(line);
            if (current != null && m.matches()) current.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }
}
