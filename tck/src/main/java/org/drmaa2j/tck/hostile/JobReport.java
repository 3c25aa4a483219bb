// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job every accepted hostile template runs: a Perl script that writes, as hex, each argument
 * it got, each variable whose name starts with {@value #ENV_PREFIX}, and the job name the
 * scheduler gave it, so that the test compares bytes, not what a terminal shows.
 */
public final class JobReport {
    /** Generated variable names start with this, so the report lists only the template's variables. */
    public static final String ENV_PREFIX = "HZ_";
    /** The last line of a complete report. */
    public static final String END = "END";

    /** Values longer than this many bytes are reported by their SHA-256 digest and length, to keep reports small. */
    public static final int HEX_LIMIT = 512;

    /** The script; Perl is in every Debian (perl-base), Digest::SHA wherever the full perl is. */
    public static final String SCRIPT = String.join("\n",
            "#!/usr/bin/perl",
            "# Reports argv, " + ENV_PREFIX + "* variables and the job name as hex, one per line (no pragmas: it starts faster).",
            "binmode STDOUT;",
            "sub enc { my $v = shift; return length($v) > " + HEX_LIMIT + " ? 'sha256:' . do { require Digest::SHA; Digest::SHA::sha256_hex($v) } . ':' . length($v) : unpack('H*', $v); }",
            "print 'A ', enc($_), \"\\n\" for @ARGV;",
            "for my $k (sort grep { /^" + ENV_PREFIX + "/ } keys %ENV) { print 'E ', $k, ' ', enc($ENV{$k}), \"\\n\"; }",
            "my $name = $ENV{SLURM_JOB_NAME};",
            "print 'N ', enc($name), \"\\n\" if defined $name;",
            "print '" + END + "', \"\\n\";",
            "");

    private JobReport() {
    }

    /**
     * @param report the report the job wrote
     * @param expectedArgs the arguments the template gave
     * @param expectedEnv the template's environment
     * @param expectedName the job name to find, or null not to check it
     * @return what differs, empty when the job received every value byte for byte
     */
    public static List<String> differences(String report, List<String> expectedArgs, Map<String, String> expectedEnv, String expectedName) {
        List<String> diffs = new ArrayList<>();
        if (report == null || !report.endsWith(END + "\n")) {
            diffs.add("incomplete report: " + abbreviate(report));
            return diffs;
        }
        List<String> args = new ArrayList<>();
        Map<String, String> env = new TreeMap<>();
        String name = null;
        for (String line : report.split("\n")) {
            if (line.startsWith("A ")) args.add(line.substring(2));
            else if (line.startsWith("E ")) {
                String[] kv = line.substring(2).split(" ", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            } else if (line.startsWith("N ")) name = line.substring(2);
        }
        List<String> wantArgs = expectedArgs.stream().map(JobReport::hex).toList();
        if (!wantArgs.equals(args)) diffs.add("args: expected " + wantArgs + " got " + args);
        Map<String, String> wantEnv = new TreeMap<>();
        expectedEnv.forEach((k, v) -> wantEnv.put(k, hex(v)));
        if (!wantEnv.equals(env)) diffs.add("environment: expected " + wantEnv + " got " + env);
        if (expectedName != null && !hex(expectedName).equals(name)) diffs.add("jobName: expected " + hex(expectedName) + " got " + name);
        return diffs;
    }

    /** @param s text @return its UTF-8 bytes as lower-case hex, or their SHA-256 and length when longer than {@value #HEX_LIMIT} */
    public static String hex(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= HEX_LIMIT) return HexFormat.of().formatHex(b);
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)) + ":" + b.length;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) return "(none)";
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
