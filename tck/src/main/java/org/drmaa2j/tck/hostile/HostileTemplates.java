// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The one generator of hostile templates that every driver's fuzz test uses. Each case sets a
 * hostile job name, arguments and environment; about one in twelve also carries a bad number.
 * The same seed always gives the same cases, so a failure names its seed and case index.
 */
public final class HostileTemplates {
    /** The property that overrides the seed, to replay a run. */
    public static final String SEED_PROPERTY = "drmaa2j.hostile.seed";
    /** The seed used when the property is not set. */
    public static final long DEFAULT_SEED = 0x5eed_d2a2L;
    private static final String NAME_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    private HostileTemplates() {
    }

    /** @return the seed of this run: the property {@value #SEED_PROPERTY}, else {@link #DEFAULT_SEED} */
    public static long seed() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    /**
     * @param seed the random seed
     * @param count how many cases
     * @param text the hostile value generator
     * @return the cases, numbered from 0
     */
    public static List<HostileCase> generate(long seed, int count, HostileText text) {
        SplittableRandom r = new SplittableRandom(seed);
        List<HostileCase> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(one(i, r.split(), text));
        return out;
    }

    private static HostileCase one(int index, SplittableRandom r, HostileText text) {
        boolean[] bad = {false};
        boolean rareBad = r.nextInt(6) == 0; // about one template in six may carry NUL or an unpaired surrogate
        String name = r.nextInt(5) == 0 ? null : text.next(r, rareBad);
        if (name != null) bad[0] |= unencodable(name);
        List<String> args = new ArrayList<>();
        int nArgs = r.nextInt(6);
        for (int i = 0; i < nArgs; i++) {
            String a = text.next(r, rareBad);
            bad[0] |= unencodable(a);
            args.add(a);
        }
        Map<String, String> env = new LinkedHashMap<>();
        int nEnv = r.nextInt(5);
        for (int i = 0; i < nEnv; i++) {
            String key;
            if (r.nextInt(12) == 0) {
                key = text.next(r, false);
                if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) bad[0] = true;
                else key = JobReport.ENV_PREFIX + key;
            } else {
                key = JobReport.ENV_PREFIX + randomName(r);
            }
            String v = text.next(r, rareBad);
            bad[0] |= unencodable(v);
            env.put(key, v);
        }
        Long minSlots = null;
        Long mem = null;
        Long cpu = null;
        String nodes = null;
        switch (r.nextInt(24)) {
            case 0 -> { minSlots = r.nextBoolean() ? 0L : -r.nextLong(1, Long.MAX_VALUE); bad[0] = true; }
            case 1 -> { mem = -r.nextLong(1, Long.MAX_VALUE); bad[0] = true; }
            case 2 -> { cpu = -r.nextLong(1, Long.MAX_VALUE); bad[0] = true; }
            case 3 -> { nodes = badNumber(r, text); bad[0] = true; }
            default -> { }
        }
        return new HostileCase(index, name, List.copyOf(args), Map.copyOf(env), minSlots, mem, cpu, nodes, bad[0]);
    }

    private static String randomName(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(10);
        for (int i = 0; i < n; i++) sb.append(NAME_ALPHABET.charAt(r.nextInt(NAME_ALPHABET.length())));
        return sb.toString();
    }

    private static String badNumber(SplittableRandom r, HostileText text) {
        List<String> bad = List.of("", " ", "0", "-1", "1.5", "1e3", "0x10", "99999999999999999999", "one",
                "1; touch " + text.sentinel(), "$(touch " + text.sentinel() + ")", "1\n2", "+-1", "NaN");
        return bad.get(r.nextInt(bad.size()));
    }

    /** NUL and unpaired surrogates cannot reach a job byte for byte: they must be refused. */
    static boolean unencodable(String s) {
        if (s.indexOf('\0') >= 0) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return true;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
