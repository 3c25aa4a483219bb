// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.Drmaa2Exception;
import org.drmaa2j.JobInfo;
import org.drmaa2j.JobState;

/**
 * Mutations of verbatim scheduler outputs, and the rule every parser must keep on them: it returns
 * a result, or throws a {@link Drmaa2Exception} that carries the raw text; it never fails with an
 * unchecked crash (NullPointerException, IndexOutOfBoundsException, NumberFormatException …), and
 * never reports a terminal state that the input did not say: a DONE or FAILED job's state word
 * must appear in the input as a whole word, and a state word the scheduler never uses gives
 * UNDETERMINED.
 */
public final class ParserFuzz {
    private static final AtomicLong CASES = new AtomicLong();
    private static final String GARBAGE = "\0\n\r\t |^,;:=\"'{}[]<>-_0123456789aZé\u2028\ufffd";

    private ParserFuzz() {
    }

    /** @return how many inputs were checked in this JVM */
    public static long cases() {
        return CASES.get();
    }

    /**
     * @param text a sample
     * @return the sample cut at every length from 0 to its length − 1
     */
    public static List<String> prefixes(String text) {
        List<String> out = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) out.add(text.substring(0, i));
        return out;
    }

    /**
     * @param text a sample
     * @param seed the random seed
     * @return the sample with 1–8 characters replaced, inserted or deleted at random places
     */
    public static String garble(String text, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(text);
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            char c = GARBAGE.charAt(r.nextInt(GARBAGE.length()));
            switch (r.nextInt(3)) {
                case 0 -> { if (sb.length() > 0) sb.setCharAt(at, c); }
                case 1 -> sb.insert(at, c);
                default -> { if (sb.length() > 0) sb.deleteCharAt(at); }
            }
        }
        return sb.toString();
    }

    /**
     * @param text a sample
     * @param stateWords the scheduler's state words
     * @param unknown a word that is not one of them
     * @return the sample with every state word replaced by {@code unknown}
     */
    public static String withUnknownStates(String text, Collection<String> stateWords, String unknown) {
        String out = text;
        for (String w : stateWords) out = out.replaceAll("(?<![A-Za-z_])" + Pattern.quote(w) + "(?![A-Za-z_])", Matcher.quoteReplacement(unknown));
        return out;
    }

    /**
     * Checks a state parser on one input.
     *
     * @param input the raw text
     * @param parser raw text to the jobs it describes
     */
    public static void checkStates(String input, Function<String, ? extends Collection<JobInfo>> parser) {
        checkStates(input, parser, java.util.Map.of());
    }

    /**
     * Checks a state parser on one input whose scheduler also prints abbreviated state words.
     *
     * @param input the raw text
     * @param parser raw text to the jobs it describes
     * @param abbreviations abbreviated state word to the full word the parser reports
     */
    public static void checkStates(String input, Function<String, ? extends Collection<JobInfo>> parser,
                                   java.util.Map<String, String> abbreviations) {
        Collection<JobInfo> infos = run(input, parser);
        if (infos == null) return;
        for (JobInfo i : infos) {
            if (i == null) fail("a null job from " + describe(input));
            JobState s = i.getJobState();
            if (s == JobState.DONE || s == JobState.FAILED) {
                String word = i.getJobSubState();
                boolean said = word != null && !word.isBlank() && (containsWord(input, word) || abbreviations.entrySet().stream()
                        .anyMatch(a -> a.getValue().equalsIgnoreCase(word.strip()) && containsWord(input, a.getKey())));
                if (!said) {
                    fail("terminal state " + s + " with state word '" + word + "' that the input does not hold: " + describe(input));
                }
            }
        }
    }

    /**
     * Checks that every job whose state word is {@code unknown} is UNDETERMINED.
     *
     * @param input the raw text, with its state words replaced by {@code unknown}
     * @param unknown the unknown state word
     * @param parser raw text to jobs
     */
    public static void checkUnknownState(String input, String unknown, Function<String, ? extends Collection<JobInfo>> parser) {
        Collection<JobInfo> infos = run(input, parser);
        if (infos == null) return;
        for (JobInfo i : infos) {
            String word = i.getJobSubState();
            if (word != null && word.toUpperCase(Locale.ROOT).contains(unknown.toUpperCase(Locale.ROOT)) && i.getJobState() != JobState.UNDETERMINED) {
                fail("unknown state word '" + word + "' became " + i.getJobState() + ": " + describe(input));
            }
        }
    }

    /**
     * Checks any other parser (job ids, key=value records, exit codes): a result or a
     * {@link Drmaa2Exception} carrying the raw text.
     *
     * @param input the raw text
     * @param parser the parser
     * @param <T> its result
     * @return the result, or null when the parser refused the text properly
     */
    public static <T> T run(String input, Function<String, T> parser) {
        CASES.incrementAndGet();
        try {
            return parser.apply(input);
        } catch (Drmaa2Exception e) {
            if (!carriesRawText(e.getMessage(), input)) fail("the exception does not carry the raw text: " + e + " for " + describe(input), e);
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            fail("crashed with " + e + " on " + describe(input), e);
            return null;
        }
    }

    /** An exception carries the raw text when its message holds the input, or at least its first 200 characters. */
    static boolean carriesRawText(String message, String input) {
        if (message == null) return false;
        String t = input.strip();
        return message.contains(t.length() <= 200 ? t : t.substring(0, 200));
    }

    /** Case-insensitive: parsers may read {@code Ca} as Slurm's {@code CA}; the input still said it. */
    private static boolean containsWord(String input, String word) {
        return Pattern.compile("(?<![A-Za-z_])" + Pattern.quote(word.strip()) + "(?![A-Za-z_])", Pattern.CASE_INSENSITIVE)
                .matcher(input).find();
    }

    private static String describe(String input) {
        String s = input.length() > 400 ? input.substring(0, 400) + "…(" + input.length() + " chars)" : input;
        return "«" + s.replace("\n", "⏎") + "»";
    }
}
