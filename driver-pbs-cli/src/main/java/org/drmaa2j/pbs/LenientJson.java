// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that {@code qstat -F json} and {@code pbsnodes -F json} print, including the
 * invalid documents some PBS versions emit: unquoted values that only look numeric
 * ({@code "foo":005}), backslashes before characters JSON does not escape ({@code \'}, {@code \,}),
 * and string values with unescaped double quotes (exported {@code BASH_FUNC_…} variables). For
 * pretty-printed input (every PBS version prints one attribute per line) a quote closes a string
 * only where a line ends after it (optionally after a comma) or a colon follows; in single-line
 * input every unescaped quote closes. Values come back as {@code Map} (insertion order),
 * {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null.
 */
class LenientJson {
    final String s;
    private final boolean pretty;
    int i;
    /** The first backslash at or after the last search, -1 when there is none; see {@link #backslashFrom}. */
    private int nextBackslash = -2;
    /** Keys seen, by hash: a small direct-mapped cache. */
    private final String[] keys = new String[1024];

    LenientJson(String text) {
        this.s = text;
        this.pretty = text.indexOf('\n') >= 0;
    }

    /**
     * @param text the command output; text before the first '{' is ignored
     * @return the top-level object
     * @throws IllegalArgumentException when the text holds no object at all
     */
    static Map<String, Object> parseObject(String text) {
        int start = text.indexOf('{');
        if (start < 0) throw new IllegalArgumentException("no JSON object in the output");
        LenientJson p = new LenientJson(text);
        p.i = start;
        Object v = p.value();
        if (!(v instanceof Map<?, ?>)) throw new IllegalArgumentException("no JSON object in the output");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    /**
     * @param text output holding one or more top-level objects one after the other
     * @return every top-level object, in order
     */
    static List<Map<String, Object>> parseObjects(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        LenientJson p = new LenientJson(text);
        while (true) {
            int start = text.indexOf('{', p.i);
            if (start < 0) return out;
            p.i = start;
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) p.value();
            out.add(m);
        }
    }

    Object value() {
        skipWhitespace();
        if (i >= s.length()) return null;
        char c = s.charAt(i);
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '"') return string();
        return bare();
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        while (true) {
            skipWhitespace();
            if (i >= s.length()) return map;
            char c = s.charAt(i);
            if (c == '}') {
                i++;
                return map;
            }
            if (c == ',') {
                i++;
                continue;
            }
            String key = c == '"' ? key() : bareKey();
            skipWhitespace();
            if (i < s.length() && s.charAt(i) == ':') i++;
            map.put(key, value());
        }
    }

    List<Object> array() {
        List<Object> list = new ArrayList<>();
        i++;
        while (true) {
            skipWhitespace();
            if (i >= s.length()) return list;
            char c = s.charAt(i);
            if (c == ']') {
                i++;
                return list;
            }
            if (c == ',') {
                i++;
                continue;
            }
            int before = i;
            Object v = value();
            if (i == before) {
                i++; // a stray '}' that no value reading moves past: skip it rather than loop on it
                continue;
            }
            list.add(v);
        }
    }

    /**
     * A quoted key: read as {@link #string()} reads it, but the same key text gives the same String
     * (keys repeat in every record), without a copy when it was seen before.
     */
    String key() {
        int j = plainKeyEnd();
        if (j < 0) return string();
        int from = i + 1;
        int len = j - from;
        int slot = (len * 31 + s.charAt(from) * 7 + (len > 0 ? s.charAt(j - 1) + 13 * s.charAt(from + len / 2) : 0)) & (keys.length - 1);
        String k = keys[slot];
        if (k == null || k.length() != len || !s.regionMatches(from, k, 0, len)) {
            k = s.substring(from, j);
            keys[slot] = k;
        }
        i = j + 1;
        return k;
    }

    /**
     * At a quoted key: where its closing quote is when {@link #key()} takes the text up to it as it
     * stands (no backslash before that quote, and the quote closes the string), else -1. Reads nothing.
     */
    int plainKeyEnd() {
        int from = i + 1;
        int j = s.indexOf('"', from);
        if (j < 0) return -1;
        int b = backslashFrom(from);
        if (b >= 0 && b < j) return -1;
        return closes(j) ? j : -1;
    }

    String string() {
        i++;
        // most strings hold no escape and end at their first quote: take them whole
        int q = s.indexOf('"', i);
        int b = backslashFrom(i);
        if (q >= 0 && (b < 0 || q < b) && closes(q)) {
            String whole = s.substring(i, q);
            i = q + 1;
            return whole;
        }
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                i += 2;
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 <= s.length() && isHex4(i)) {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        } else {
                            sb.append('u');
                        }
                    }
                    default -> sb.append(n); // \" \\ \/ and the invalid \' \, : the character itself
                }
                continue;
            }
            if (c == '"' && closes(i)) {
                i++;
                return sb.toString();
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** @return true when the quote at {@code at} ends the string it is in */
    private boolean closes(int at) {
        if (!pretty) return true;
        int j = at + 1;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
        if (j >= s.length()) return true;
        char c = s.charAt(j);
        if (c == '\n' || c == '\r' || c == ':') return true;
        if (c == ',') {
            j++;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
            return j >= s.length() || s.charAt(j) == '\n' || s.charAt(j) == '\r';
        }
        if (c == '}' || c == ']') {
            // a closing bracket right after the value, as at the end of a one-line object
            j++;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == ',' || s.charAt(j) == '}' || s.charAt(j) == ']')) j++;
            return j >= s.length() || s.charAt(j) == '\n' || s.charAt(j) == '\r';
        }
        return false;
    }

    String bareKey() {
        int start = i;
        while (i < s.length() && s.charAt(i) != ':' && s.charAt(i) != '\n') i++;
        return s.substring(start, i).trim();
    }

    private Object bare() {
        String t = bareToken();
        if (t.equals("true")) return Boolean.TRUE;
        if (t.equals("false")) return Boolean.FALSE;
        if (t.equals("null")) return null;
        if (BareNumbers.isLong(t)) return Long.valueOf(t);
        if (BareNumbers.isDouble(t)) {
            try {
                return Double.valueOf(t);
            } catch (NumberFormatException e) {
                return t;
            }
        }
        return t;
    }

    /** @return an unquoted value as {@link #flatten} writes it: the text {@link #bare()} gives, as text */
    String bareText() {
        String t = bareToken();
        if (t.equals("null")) return "";
        return BareNumbers.asText(t);
    }

    /** @return the trimmed text of an unquoted value, reading past it */
    private String bareToken() {
        int start = i;
        skipBare();
        return s.substring(start, i).trim();
    }

    private void skipBare() {
        String t = s;
        int k = i;
        while (k < t.length()) {
            char c = t.charAt(k);
            if (c == '}' || c == ']' || c == '\n' || c == '\r') break;
            if (c == ',' && (!pretty || lineEndsAfter(k + 1) || t.charAt(k + 1) == '"')) break;
            k++;
        }
        i = k;
    }

    /** Reads past one value exactly as {@link #value()} does, without building it. */
    void skipValue() {
        skipWhitespace();
        if (i >= s.length()) return;
        char c = s.charAt(i);
        if (c == '{') skipObject();
        else if (c == '[') skipArray();
        else if (c == '"') skipString();
        else skipBare();
    }

    private void skipObject() {
        i++;
        while (true) {
            skipWhitespace();
            if (i >= s.length()) return;
            char c = s.charAt(i);
            if (c == '}') {
                i++;
                return;
            }
            if (c == ',') {
                i++;
                continue;
            }
            if (c == '"') skipString();
            else bareKey();
            skipWhitespace();
            if (i < s.length() && s.charAt(i) == ':') i++;
            skipValue();
        }
    }

    private void skipArray() {
        i++;
        while (true) {
            skipWhitespace();
            if (i >= s.length()) return;
            char c = s.charAt(i);
            if (c == ']') {
                i++;
                return;
            }
            if (c == ',') {
                i++;
                continue;
            }
            int before = i;
            skipValue();
            if (i == before) i++;
        }
    }

    /** Reads past a string exactly as {@link #string()} does. */
    private void skipString() {
        i++;
        while (true) {
            int q = s.indexOf('"', i);
            int b = backslashFrom(i);
            if (b >= 0 && (q < 0 || b < q) && b + 1 < s.length()) {
                char n = s.charAt(b + 1);
                i = b + 2;
                if (n == 'u' && i + 4 <= s.length() && isHex4(i)) i += 4;
                continue;
            }
            if (q < 0) {
                i = s.length();
                return;
            }
            i = q + 1;
            if (closes(q)) return;
        }
    }

    /**
     * Moves the reader back to {@code at}, to read text again that it has read already.
     *
     * @param at an index in the text at or before the current one
     */
    void rewind(int at) {
        i = at;
        nextBackslash = -2;
    }

    /**
     * @return the first backslash at or after {@code from}, or -1; the last one found is kept, so
     *     text without backslashes is searched once (reading forward: {@link #rewind} forgets it)
     */
    private int backslashFrom(int from) {
        if (nextBackslash != -1 && nextBackslash < from) nextBackslash = s.indexOf('\\', from);
        return nextBackslash;
    }

    private boolean isHex4(int from) {
        for (int j = from; j < from + 4; j++) {
            char c = s.charAt(j);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
        }
        return true;
    }

    private boolean lineEndsAfter(int j) {
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
        return j >= s.length() || s.charAt(j) == '\n' || s.charAt(j) == '\r';
    }

    void skipWhitespace() {
        // a local index: the loop runs over every indentation, and a field stored on each step costs
        String t = s;
        int n = t.length();
        int k = i;
        while (k < n) {
            char c = t.charAt(k);
            if (c == ' ' || c == '\n') {
                k++;
            } else if (c > ' ' && c < 0x80 || !Character.isWhitespace(c)) {
                break;
            } else {
                k++;
            }
        }
        i = k;
    }

    /**
     * Flattens nested objects into dotted keys ({@code Resource_List.ncpus}), values as text; of the
     * {@code Variable_List} of a job only the driver's own {@code Variable_List.DRMAA2J_TAG} is kept.
     *
     * @param object a parsed object
     * @return its attributes
     */
    static Map<String, String> flatten(Map<String, Object> object) {
        Map<String, String> out = new LinkedHashMap<>(object.size() * 2);
        flatten("", object, out);
        return out;
    }

    private static void flatten(String prefix, Map<String, Object> object, Map<String, String> out) {
        for (Map.Entry<String, Object> e : object.entrySet()) {
            if (prefix.isEmpty() && e.getKey().equals("Variable_List")) {
                if (e.getValue() instanceof Map<?, ?> vars && vars.get(PbsSubmitCommand.TAG_VARIABLE) != null) {
                    out.put("Variable_List." + PbsSubmitCommand.TAG_VARIABLE, String.valueOf(vars.get(PbsSubmitCommand.TAG_VARIABLE)));
                }
                continue;
            }
            Object v = e.getValue();
            String key = prefix.isEmpty() ? e.getKey() : prefix + e.getKey();
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) m;
                flatten(key + ".", child, out);
            } else if (v instanceof List<?> l) {
                List<String> parts = new ArrayList<>();
                for (Object o : l) parts.add(String.valueOf(o));
                out.put(key, String.join(",", parts));
            } else {
                out.put(key, v == null ? "" : v instanceof String text ? text : String.valueOf(v));
            }
        }
    }
}
