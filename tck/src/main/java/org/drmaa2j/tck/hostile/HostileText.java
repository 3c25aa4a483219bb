// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates hostile text: pieces that would run {@code touch SENTINEL} if any layer between the
 * API and the job interpreted them as shell, template or scheduler syntax, joined with quotes,
 * line breaks, control characters, non-ASCII text and, now and then, NUL, an unpaired surrogate
 * or a very long run. Deterministic for a given random source.
 */
public final class HostileText {
    /** Characters a shell, Jinja, printf or a scheduler's option parser treats specially. */
    private static final String METACHARACTERS = " \t\n\r'\"`$\\;&|<>(){}[]*?~!#%^=,:-+@/.\u0007\u001b\u007f";
    private static final List<String> UNICODE = List.of("é", "ß", "Ω", "日本語", "𝄞", "😀", "\u202e", "\u200b", "\u2028",
            "\u0085", "\u00a0", "ﬀ", "Ａ", "עברית", "\ufeff");
    private final String sentinel;

    /** @param sentinel the absolute path of the file an injected command would create */
    public HostileText(String sentinel) {
        this.sentinel = sentinel;
    }

    /** @return the sentinel path */
    public String sentinel() {
        return sentinel;
    }

    /** @return the injected commands, one for each quoting context they try to escape */
    public List<String> injections() {
        String t = "touch " + sentinel;
        return List.of("; " + t, "$(" + t + ")", "`" + t + "`", "' ; " + t + " ; '", "\" ; " + t + " ; \"",
                "\n" + t + "\n", "&& " + t, "|| " + t, "| " + t, "$'\\n'" + t, "'$(" + t + ")'",
                "\"$(" + t + ")\"", "\\'; " + t + " #", "{{ '" + t + "' }}", "{% raw %}" + t, "${IFS}" + t,
                "touch${IFS}" + sentinel, "\r\n" + t + "\r\n", "#SBATCH --wrap=" + t, "--wrap=" + t, "-o " + sentinel,
                "$(printf '" + t + "')", "<(" + t + ")", ">" + sentinel, "\\\n" + t, "'\"'\"'; " + t + "; '\"'\"'",
                "%x%n%s " + t, "!!; " + t, "*; " + t, "exec " + t);
    }

    /**
     * @param r the random source
     * @param rareBad whether NUL and unpaired surrogates may appear (text every layer must refuse)
     * @return one hostile value
     */
    public String next(SplittableRandom r, boolean rareBad) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + r.nextInt(4);
        for (int i = 0; i < pieces; i++) sb.append(piece(r, rareBad));
        return sb.toString();
    }

    private String piece(SplittableRandom r, boolean rareBad) {
        int k = r.nextInt(100);
        if (k < 35) return injections().get(r.nextInt(injections().size()));
        if (k < 55) return randomChars(r, 1 + r.nextInt(12), METACHARACTERS);
        if (k < 70) return UNICODE.get(r.nextInt(UNICODE.size()));
        if (k < 80) return randomCodePoints(r, 1 + r.nextInt(8));
        if (k < 88) return randomChars(r, 1 + r.nextInt(10), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
        if (k < 91) return "";
        if (k < 94) return "x".repeat(1000 + r.nextInt(4000)) + injections().get(r.nextInt(injections().size()));
        if (k < 95) return "\u00e9".repeat(5000 + r.nextInt(20000));
        if (rareBad && k < 97) return "a\0" + "touch " + sentinel;
        if (rareBad && k < 98) return "\ud800" + "x";
        return "-" + randomChars(r, 1 + r.nextInt(6), "abcdefghijklmnopqrstuvwxyz-=");
    }

    private static String randomChars(SplittableRandom r, int n, String alphabet) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** Valid code points from the whole Unicode range, control characters included, NUL and surrogates not. */
    private static String randomCodePoints(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder();
        while (n > 0) {
            int cp = r.nextInt(4) == 0 ? 1 + r.nextInt(0x7f) : r.nextInt(4) == 0 ? 0x80 + r.nextInt(0x780) : 1 + r.nextInt(0x10ffff);
            if (cp >= 0xd800 && cp <= 0xdfff) continue;
            sb.appendCodePoint(cp);
            n--;
        }
        return sb.toString();
    }
}
