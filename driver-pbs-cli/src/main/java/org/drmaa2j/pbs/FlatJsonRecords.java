// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the records of one top-level section ({@code Jobs}, {@code Queue}, {@code nodes}) of every
 * JSON document in a PBS command's output straight into flat attributes, as {@link LenientJson#flatten}
 * gives them from the parsed tree, without building the tree: nested objects become dotted keys
 * ({@code Resource_List.ncpus}) while they are read, a record's {@code Variable_List} is stepped over
 * without being read into strings except the driver's own submission tag, and the rest of each document is stepped over too. The text is
 * read by {@link LenientJson}'s rules, so the invalid JSON some PBS versions print is read as the
 * tree reader reads it. A document in which an object names a key twice (never seen from PBS, but
 * garbled output may) is read again by the tree reader, whose last value wins. When the caller names
 * the attributes it reads, every other value is stepped over too.
 */
final class FlatJsonRecords {
    private static final String SKIPPED = "Variable_List";
    /** The one variable of {@link #SKIPPED} that is kept: the driver's submission tag. */
    static final String TAG_KEY = SKIPPED + "." + PbsSubmitCommand.TAG_VARIABLE;
    private static final byte KEEP = 1;
    private static final byte DESCEND = 2;
    /** How many keys an object's own bit set tells apart; further keys are kept in a set. */
    private static final int BITS = 64;
    private final LenientJson in;
    /** The dotted names to keep, or null for all; a record of them is a {@link NamedAttributes}. */
    private final NamedAttributes.Names names;
    /** The same lower-cased, or null for all. */
    private final Set<String> wanted;
    /** Their lower-case dotted prefixes: objects to read into. */
    private final Set<String> wantedObjects;
    /** Whether the caller reads the driver's submission tag. */
    private final boolean keepTag;
    /** The keys that may name something wanted, by {@link #keyShape}; null when every key is read. */
    private final KeyShapes shapes;
    /** What {@link #verdict} decided per dotted key, by hash: a small direct-mapped cache. */
    private final String[] decidedKey = new String[256];
    private final byte[] decided = new byte[256];
    /** The number of the same dotted keys among those whose repetition is checked, or -1. */
    private final int[] decidedNumber = new int[256];
    /** Their slot in a {@link NamedAttributes} record, or -1. */
    private final int[] decidedSlot = new int[256];
    /** The numbers of the dotted keys whose repetition is checked, in the order first met. */
    private final Map<String, Integer> numbers = new HashMap<>();
    /** Dotted keys already made, by hash of their parts: a small direct-mapped cache. */
    private final String[] joinedPrefix = new String[256];
    private final String[] joinedKey = new String[256];
    private final String[] joined = new String[256];
    /** The keys numbered beyond {@link #BITS} of the objects being read, one set per depth. */
    private final List<Set<String>> seen = new ArrayList<>();

    /** Thrown when an object names a key twice: the document is then read as a tree. */
    private static final class RepeatedKey extends RuntimeException {
        private static final RepeatedKey INSTANCE = new RepeatedKey();

        private RepeatedKey() {
            super(null, null, false, false);
        }
    }

    private FlatJsonRecords(String text, NamedAttributes.Names wanted) {
        this.in = new LenientJson(text);
        this.names = wanted;
        if (wanted == null) {
            this.wanted = null;
            this.wantedObjects = null;
            this.shapes = null;
        } else {
            this.wanted = new HashSet<>();
            this.wantedObjects = new HashSet<>();
            for (String w : wanted.list()) {
                String l = w.toLowerCase(Locale.ROOT);
                this.wanted.add(l);
                for (int dot = l.indexOf('.'); dot > 0; dot = l.indexOf('.', dot + 1)) wantedObjects.add(l.substring(0, dot));
            }
            Set<String> named = new HashSet<>(this.wanted);
            named.add(SKIPPED.toLowerCase(Locale.ROOT));
            this.shapes = KeyShapes.of(named);
        }
        this.keepTag = wanted == null || this.wanted.contains(TAG_KEY.toLowerCase(Locale.ROOT));
    }

    /**
     * @param text the command output; text outside the JSON documents is ignored
     * @param section the section's key in a document
     * @return attributes by record name, in the order read; a record named again in a later
     *     document is replaced
     */
    static Map<String, Map<String, String>> read(String text, String section) {
        return read(text, section, null);
    }

    /**
     * @param text the command output; text outside the JSON documents is ignored
     * @param section the section's key in a document
     * @param wanted the dotted attribute names to keep (compared without regard to case), or null
     *     for all
     * @return the wanted attributes by record name, in the order read; a record named again in a
     *     later document is replaced. Each record read in one go is a {@link NamedAttributes} of
     *     the wanted names
     */
    static Map<String, Map<String, String>> read(String text, String section, NamedAttributes.Names wanted) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        FlatJsonRecords r = new FlatJsonRecords(text, wanted);
        LenientJson p = r.in;
        while (true) {
            int start = text.indexOf('{', p.i);
            if (start < 0) return out;
            p.i = start;
            Map<String, Map<String, String>> records = out.isEmpty() ? out : new LinkedHashMap<>();
            try {
                r.document(section, records);
            } catch (RepeatedKey e) {
                records.clear();
                p.rewind(start);
                r.documentAsTree(section, records);
            }
            if (records != out) out.putAll(records);
        }
    }

    /** One top-level object read as a tree, then each record of the section flattened. */
    private void documentAsTree(String section, Map<String, Map<String, String>> out) {
        if (!(in.value() instanceof Map<?, ?> document) || !(document.get(section) instanceof Map<?, ?> records)) return;
        for (Map.Entry<?, ?> e : records.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> attrs) {
                @SuppressWarnings("unchecked")
                Map<String, String> flat = LenientJson.flatten((Map<String, Object>) attrs);
                if (wanted != null) flat.keySet().removeIf(k -> (verdict(k) & KEEP) == 0);
                out.put(String.valueOf(e.getKey()), flat);
            }
        }
    }

    /**
     * @param depth the depth of the object being read
     * @return an empty set for the keys of a new object at that depth
     */
    private Set<String> keysAt(int depth) {
        while (seen.size() <= depth) seen.add(new HashSet<>());
        Set<String> keys = seen.get(depth);
        keys.clear();
        return keys;
    }

    /** One top-level object, read as {@link LenientJson}'s object reader reads it. */
    private void document(String section, Map<String, Map<String, String>> out) {
        LenientJson p = in;
        Set<String> keys = keysAt(0);
        p.i++;
        for (String key = nextKey(); key != null; key = nextKey()) {
            if (!keys.add(key)) throw RepeatedKey.INSTANCE;
            if (key.equals(section)) records(out);
            else p.skipValue();
        }
    }

    /**
     * The section's value: an object of records; anything else is stepped over. A record named
     * twice is told by the map it goes into, or, when it is not an object, by a set of its own.
     */
    private void records(Map<String, Map<String, String>> out) {
        LenientJson p = in;
        p.skipWhitespace();
        if (p.i >= p.s.length() || p.s.charAt(p.i) != '{') {
            p.skipValue();
            return;
        }
        Set<String> others = null;
        p.i++;
        for (String name = nextKey(); name != null; name = nextKey()) {
            p.skipWhitespace();
            if (p.i < p.s.length() && p.s.charAt(p.i) == '{') {
                Map<String, String> attrs = names == null ? new LinkedHashMap<>(128) : new NamedAttributes(names);
                flat("", 2, attrs);
                if (out.put(name, attrs) != null || others != null && others.contains(name)) throw RepeatedKey.INSTANCE;
            } else {
                if (others == null) others = keysAt(1);
                if (out.containsKey(name) || !others.add(name)) throw RepeatedKey.INSTANCE;
                p.skipValue();
            }
        }
    }

    /**
     * An object at {@code '{'}, its members added to {@code out} under {@code prefix}. Of its keys
     * only those whose values are read (kept or read into) are checked for repetition: a repeated
     * key the caller does not read changes nothing it reads. Keys that cannot name anything
     * wanted are told by their shape and stepped over with their values, without being read.
     */
    private void flat(String prefix, int depth, Map<String, String> out) {
        LenientJson p = in;
        long met = 0;
        Set<String> more = null;
        boolean variables = false;
        p.i++;
        while (atMember()) {
            if (shapes != null && p.s.charAt(p.i) == '"') {
                int end = p.plainKeyEnd();
                if (end >= 0 && !shapes.mayName(p.s, p.i + 1, end)) {
                    p.i = end + 1;
                    afterKey();
                    p.skipValue();
                    continue;
                }
            }
            String key = memberKey(p.s.charAt(p.i));
            if (prefix.isEmpty() && key.equals(SKIPPED)) {
                if (variables) throw RepeatedKey.INSTANCE;
                variables = true;
                readTag(out);
                continue;
            }
            String full = prefix.isEmpty() ? key : join(prefix, key);
            int slot = decide(full);
            byte verdict = decided[slot];
            if (verdict != 0) {
                int n = decidedNumber[slot];
                if (n < BITS) {
                    if ((met & (1L << n)) != 0) throw RepeatedKey.INSTANCE;
                    met |= 1L << n;
                } else {
                    if (more == null) more = keysAt(depth);
                    if (!more.add(key)) throw RepeatedKey.INSTANCE;
                }
            }
            p.skipWhitespace();
            if (p.i >= p.s.length()) {
                if ((verdict & KEEP) != 0) keep(out, slot, full, "");
                return;
            }
            char v = p.s.charAt(p.i);
            if (v == '{') {
                if ((verdict & DESCEND) != 0) flat(join(full, "."), depth + 1, out);
                else p.skipValue();
            } else if ((verdict & KEEP) == 0) {
                p.skipValue();
            } else if (v == '[') {
                List<String> parts = new ArrayList<>();
                for (Object o : p.array()) parts.add(String.valueOf(o));
                keep(out, slot, full, String.join(",", parts));
            } else if (v == '"') {
                keep(out, slot, full, p.string());
            } else {
                keep(out, slot, full, p.bareText());
            }
        }
    }

    /**
     * A record's {@code Variable_List}, at its value: of it only the driver's own submission tag is
     * kept, as {@link LenientJson#flatten} keeps it; every other variable is stepped over unread.
     */
    private void readTag(Map<String, String> out) {
        LenientJson p = in;
        p.skipWhitespace();
        if (p.i >= p.s.length() || p.s.charAt(p.i) != '{') {
            p.skipValue();
            return;
        }
        String tag = PbsSubmitCommand.TAG_VARIABLE;
        p.i++;
        while (atMember()) {
            boolean isTag;
            int end = p.s.charAt(p.i) == '"' ? p.plainKeyEnd() : -1;
            if (end >= 0) {
                isTag = end - p.i - 1 == tag.length() && p.s.startsWith(tag, p.i + 1);
                p.i = end + 1;
                afterKey();
            } else {
                isTag = memberKey(p.s.charAt(p.i)).equals(tag);
            }
            p.skipWhitespace();
            if (keepTag && isTag && p.i < p.s.length() && p.s.charAt(p.i) == '"') {
                out.put(TAG_KEY, p.string());
            } else {
                p.skipValue();
            }
        }
    }

    /** @return whether to keep the value of the dotted key, and whether to read into it when it is an object */
    private byte verdict(String full) {
        return decided[decide(full)];
    }

    /**
     * Decides a dotted key once: whether to keep its value and whether to read into it when it is an
     * object, and, when either, its number among the keys whose repetition is checked.
     *
     * @return the slot of {@link #decided} and {@link #decidedNumber} that holds the decision
     */
    private int decide(String full) {
        int slot = full.hashCode() & (decided.length - 1);
        String k = decidedKey[slot];
        if (k != null && (k == full || k.equals(full))) return slot;
        byte v;
        if (wanted == null) {
            v = KEEP | DESCEND;
        } else {
            String l = full.toLowerCase(Locale.ROOT);
            v = (byte) ((wanted.contains(l) ? KEEP : 0) | (wantedObjects.contains(l) ? DESCEND : 0));
        }
        decidedKey[slot] = full;
        decided[slot] = v;
        decidedNumber[slot] = v == 0 ? -1 : numbers.computeIfAbsent(full, f -> numbers.size());
        decidedSlot[slot] = names == null ? -1 : names.slot(full);
        return slot;
    }

    /** Puts a kept value, into its slot when the record has one for it (of {@link #decide}'s {@code slot}). */
    private void keep(Map<String, String> out, int slot, String full, String value) {
        if (out instanceof NamedAttributes n) n.put(decidedSlot[slot], full, value);
        else out.put(full, value);
    }

    /**
     * Inside an object: steps over whitespace and the commas between members.
     *
     * @return true at the next member's first character; false at the object's end (its closing
     *     brace read) or the text's
     */
    private boolean atMember() {
        LenientJson p = in;
        while (true) {
            p.skipWhitespace();
            if (p.i >= p.s.length()) return false;
            char c = p.s.charAt(p.i);
            if (c == '}') {
                p.i++;
                return false;
            }
            if (c != ',') return true;
            p.i++;
        }
    }

    /**
     * Inside an object: the next member's key and the colon after it, the commas before it stepped
     * over; null at the object's end (its closing brace read) or the text's.
     */
    private String nextKey() {
        return atMember() ? memberKey(in.s.charAt(in.i)) : null;
    }

    /** A member's key and the colon after it, at the key's first character {@code c}. */
    private String memberKey(char c) {
        LenientJson p = in;
        String key = c == '"' ? p.key() : p.bareKey();
        afterKey();
        return key;
    }

    /** After a member's key: the colon, if there is one. */
    private void afterKey() {
        LenientJson p = in;
        p.skipWhitespace();
        if (p.i < p.s.length() && p.s.charAt(p.i) == ':') p.i++;
    }

    private String join(String prefix, String key) {
        int slot = (prefix.hashCode() * 31 + key.hashCode()) & (joined.length - 1);
        String j = joined[slot];
        if (j != null && prefix.equals(joinedPrefix[slot]) && key.equals(joinedKey[slot])) return j;
        j = prefix + key;
        joinedPrefix[slot] = prefix;
        joinedKey[slot] = key;
        joined[slot] = j;
        return j;
    }
}
