// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.hostile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.drmaa2j.JobInfo;

/**
 * The parser-robustness properties (jqwik) a driver's test inherits: each of its parser families
 * on every prefix of its sample, on randomly garbled samples and on samples whose state words are
 * replaced by unknown ones, keeping the rule of {@link ParserFuzz}.
 */
public abstract class ParserRobustnessProperties {

    /**
     * One parser family: a verbatim sample and the function that turns such text into jobs
     * (an empty list for parsers of other things, such as submission output).
     *
     * @param name a short name
     * @param sample the sample text
     * @param parser the parser
     */
    public record Family(String name, String sample, Function<String, ? extends Collection<JobInfo>> parser) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** @return the driver's parser families */
    protected abstract List<Family> families();

    /** @return the scheduler's state words, full and abbreviated */
    protected abstract Collection<String> stateWords();

    /** @return abbreviated state word to the full word the parsers report; none by default */
    protected Map<String, String> abbreviations() {
        return Map.of();
    }

    @Example
    void truncatedAtEveryLength() {
        for (Family f : families()) {
            for (String prefix : ParserFuzz.prefixes(f.sample())) ParserFuzz.checkStates(prefix, f.parser(), abbreviations());
        }
    }

    @Property(tries = 1000)
    void garbled(@ForAll("family") Family f, @ForAll long seed) {
        ParserFuzz.checkStates(ParserFuzz.garble(f.sample(), seed), f.parser(), abbreviations());
    }

    @Property(tries = 100)
    void unknownStateWords(@ForAll("family") Family f, @ForAll("unknownWord") String word) {
        String text = ParserFuzz.withUnknownStates(f.sample(), new ArrayList<>(stateWords()), word);
        ParserFuzz.checkStates(text, f.parser(), abbreviations());
        ParserFuzz.checkUnknownState(text, word, f.parser());
    }

    /** Prints how many inputs the parsers were given, for the record. */
    @AfterContainer
    static void count() {
        System.out.println("parser cases: " + ParserFuzz.cases());
    }

    @Provide
    Arbitrary<Family> family() {
        return Arbitraries.of(families());
    }

    @Provide
    Arbitrary<String> unknownWord() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(4).ofMaxLength(12).map(s -> "ZQ" + s);
    }
}
