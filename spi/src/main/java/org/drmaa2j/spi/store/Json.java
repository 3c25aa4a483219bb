// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the store's hand-written JSON mappings. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static void put(ObjectNode n, String k, String v) {
        if (v != null) n.put(k, v);
    }

    static void put(ObjectNode n, String k, Long v) {
        if (v != null) n.put(k, v);
    }

    static void put(ObjectNode n, String k, Integer v) {
        if (v != null) n.put(k, v);
    }

    static void put(ObjectNode n, String k, Instant v) {
        if (v != null) n.put(k, v.toString());
    }

    static void put(ObjectNode n, String k, Duration v) {
        if (v != null) n.put(k, v.toString());
    }

    static void put(ObjectNode n, String k, Enum<?> v) {
        if (v != null) n.put(k, v.name());
    }

    static void put(ObjectNode n, String k, List<String> v) {
        if (v == null || v.isEmpty()) return;
        ArrayNode a = n.putArray(k);
        v.forEach(a::add);
    }

    static void put(ObjectNode n, String k, Map<String, String> v) {
        if (v == null || v.isEmpty()) return;
        ObjectNode o = n.putObject(k);
        v.forEach(o::put);
    }

    static String str(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Long lng(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() ? null : v.asLong();
    }

    static Integer integer(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() ? null : v.asInt();
    }

    static boolean bool(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v != null && v.asBoolean();
    }

    static Instant instant(JsonNode n, String k) {
        String s = str(n, k);
        return s == null ? null : Instant.parse(s);
    }

    static Duration duration(JsonNode n, String k) {
        String s = str(n, k);
        return s == null ? null : Duration.parse(s);
    }

    static <E extends Enum<E>> E enumValue(JsonNode n, String k, Class<E> type) {
        String s = str(n, k);
        return s == null ? null : Enum.valueOf(type, s);
    }

    static List<String> list(JsonNode n, String k) {
        List<String> l = new ArrayList<>();
        JsonNode v = n.get(k);
        if (v != null) v.forEach(e -> l.add(e.asText()));
        return l;
    }

    static Map<String, String> map(JsonNode n, String k) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode v = n.get(k);
        if (v != null) v.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
