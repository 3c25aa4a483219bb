// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The attributes of one record whose wanted names the reader knew beforehand: the value of each of
 * those names, spelt exactly so, in a slot of its own, and any other attribute (another spelling of
 * a wanted name) in a map in the order put. To its users a map like any other, whose entries come
 * slot by slot, then the others; {@link PbsJobRows} reads the slots directly. Values are never null.
 */
final class NamedAttributes extends AbstractMap<String, String> {
    private final Names names;
    private final String[] values;
    /** How many slots hold a value. */
    private int filled;
    /** The other attributes, in the order put; null while there are none. */
    private Map<String, String> others;

    /** Names in a fixed order, and the slot of each. */
    static final class Names {
        private final List<String> list;
        private final Map<String, Integer> slots = new HashMap<>();

        /** @param names distinct names, in the order of their slots */
        Names(List<String> names) {
            this.list = List.copyOf(names);
            for (int k = 0; k < list.size(); k++) {
                if (slots.put(list.get(k), k) != null) throw new IllegalArgumentException("named twice: " + list.get(k));
            }
        }

        /** @return the names, in the order of their slots */
        List<String> list() {
            return list;
        }

        /** @return the slot of the name spelt exactly so, or -1 */
        int slot(Object name) {
            Integer k = slots.get(name);
            return k == null ? -1 : k;
        }
    }

    /** @param names the names that get slots */
    NamedAttributes(Names names) {
        this.names = names;
        this.values = new String[names.list.size()];
    }

    /** @return the names that get slots */
    Names names() {
        return names;
    }

    /** @return the value in the slot, or null */
    String valueAt(int slot) {
        return values[slot];
    }

    /** @return how many attributes are not in slots */
    int others() {
        return others == null ? 0 : others.size();
    }

    /**
     * @param slot the key's slot, as {@link Names#slot} gives it (-1 for none)
     * @param key the key
     * @param value its value
     */
    void put(int slot, String key, String value) {
        Objects.requireNonNull(value, "value");
        if (slot < 0) {
            if (others == null) others = new LinkedHashMap<>();
            others.put(key, value);
        } else {
            if (values[slot] == null) filled++;
            values[slot] = value;
        }
    }

    @Override
    public String put(String key, String value) {
        Objects.requireNonNull(value, "value");
        int slot = names.slot(key);
        if (slot < 0) {
            if (others == null) others = new LinkedHashMap<>();
            return others.put(key, value);
        }
        String old = values[slot];
        if (old == null) filled++;
        values[slot] = value;
        return old;
    }

    @Override
    public String get(Object key) {
        int slot = names.slot(key);
        if (slot >= 0) return values[slot];
        return others == null ? null : others.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public String remove(Object key) {
        int slot = names.slot(key);
        if (slot < 0) return others == null ? null : others.remove(key);
        String old = values[slot];
        if (old != null) filled--;
        values[slot] = null;
        return old;
    }

    @Override
    public int size() {
        return filled + others();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return NamedAttributes.this.size();
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next = nextFilled(0);
                    private int last = -1;
                    private Iterator<Entry<String, String>> rest;

                    private int nextFilled(int from) {
                        int k = from;
                        while (k < values.length && values[k] == null) k++;
                        return k;
                    }

                    @Override
                    public boolean hasNext() {
                        if (next < values.length) return true;
                        if (rest == null) rest = others == null ? List.<Entry<String, String>>of().iterator() : others.entrySet().iterator();
                        return rest.hasNext();
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        if (next < values.length) {
                            last = next;
                            next = nextFilled(next + 1);
                            return new SimpleImmutableEntry<>(names.list.get(last), values[last]);
                        }
                        last = -1;
                        return rest.next();
                    }

                    @Override
                    public void remove() {
                        if (last >= 0) {
                            if (values[last] == null) throw new IllegalStateException();
                            values[last] = null;
                            filled--;
                        } else if (rest != null) {
                            rest.remove();
                        } else {
                            throw new IllegalStateException();
                        }
                    }
                };
            }
        };
    }
}
