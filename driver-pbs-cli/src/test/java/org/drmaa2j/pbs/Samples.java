// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a verbatim PBS output sample from test resources, without its SOURCE line. */
final class Samples {
    private Samples() {
    }

    static String read(String name) {
        return read("pbs", name);
    }

    /** @param directory the samples directory, {@code pbs} or {@code torque-wrappers} @param name the file */
    static String read(String directory, String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + directory + "/" + name)) {
            if (in == null) throw new IllegalArgumentException("no sample " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.startsWith("SOURCE: ")) throw new IllegalStateException(name + " lacks its SOURCE line");
            return text.substring(text.indexOf('\n') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One command of the real OpenPBS 23.06 transcript: its standard output, standard error and exit code. */
    record Step(String command, String stdout, String stderr, int rc) {
    }

    /** @return the names of every step of the transcript, in order */
    static java.util.List<String> transcriptSteps() {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^### \\d+ (\\S+)$")
                .matcher(read("openpbs2306_real_instance_transcript.txt"));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /**
     * One command of a capture file of the form {@code $ command}, then optionally
     * {@code --- start}, {@code --- stdin} and {@code --- stdout} sections, {@code --- stderr},
     * and {@code --- rc=N}; without a {@code --- stdout} marker the output follows the command line.
     *
     * @param file the sample in {@code samples/pbs}
     * @param command the command line as captured, without {@code $ }
     * @return its output, error output and exit code
     */
    static Step command(String file, String command) {
        String text = read(file);
        int at = text.indexOf("$ " + command + "\n");
        if (at < 0) throw new IllegalArgumentException("no command '" + command + "' in " + file);
        int from = at + command.length() + 3;
        int rc = text.indexOf("--- rc=", from);
        int rcEnd = text.indexOf('\n', rc);
        int code = Integer.parseInt(text.substring(rc + "--- rc=".length(), rcEnd < 0 ? text.length() : rcEnd).trim());
        int out = text.indexOf("--- stdout\n", from);
        int err = text.indexOf("--- stderr\n", from);
        String stdout;
        String stderr = "";
        if (out >= 0 && out < rc) {
            stdout = text.substring(out + "--- stdout\n".length(), err >= 0 && err < rc ? err : rc);
        } else {
            stdout = text.substring(from, err >= 0 && err < rc ? err : rc);
        }
        if (err >= 0 && err < rc) stderr = text.substring(err + "--- stderr\n".length(), rc);
        return new Step(command, stdout, stderr, code);
    }

    /**
     * @param file the sample in {@code samples/pbs}
     * @param command the command line as captured
     * @return the {@code --- stdin} section of that command
     */
    static String stdinOf(String file, String command) {
        String text = read(file);
        int at = text.indexOf("$ " + command + "\n");
        int in = text.indexOf("--- stdin\n", at);
        return text.substring(in + "--- stdin\n".length(), text.indexOf("--- stdout\n", in));
    }

    /**
     * @param name the step's name after its number, such as {@code qstat_f_json_held}
     * @return that step of openpbs2306_real_instance_transcript.txt
     */
    static Step transcript(String name) {
        String text = read("openpbs2306_real_instance_transcript.txt");
        int at = text.indexOf(" " + name + "\n$ ");
        if (at < 0) throw new IllegalArgumentException("no step " + name);
        int cmdStart = text.indexOf("$ ", at) + 2;
        String command = text.substring(cmdStart, text.indexOf('\n', cmdStart));
        int out = text.indexOf("--- stdout\n", at) + "--- stdout\n".length();
        int err = text.indexOf("--- stderr", out);
        int rc = text.indexOf("--- rc=", err);
        String stderr = text.substring(text.indexOf('\n', err) + 1, rc);
        int rcEnd = text.indexOf('\n', rc);
        return new Step(command, text.substring(out, err), stderr,
                Integer.parseInt(text.substring(rc + "--- rc=".length(), rcEnd < 0 ? text.length() : rcEnd).trim()));
    }
}
