// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

/**
 * Times drmaa2j against a reference side by side: both sides run once unmeasured first (a
 * long-running program is warm), then alternate (ours first in even rounds, the reference first in
 * odd ones) so that the machine's drift hits both; figures are the medians of the measured rounds.
 */
final class AlternatingRounds {
    /** One side of the comparison: runs its workload once and returns how long it took. */
    @FunctionalInterface
    interface Side {
        /**
         * @param round the round, {@code -1} for the warm-up
         * @return milliseconds the workload took
         * @throws Exception when it failed
         */
        double millis(int round) throws Exception;
    }

    /** The measured rounds of both sides. */
    record Result(Samples ours, Samples reference) {
        double ratio() {
            return ours.median() / reference.median();
        }
    }

    private AlternatingRounds() {
    }

    /**
     * @param label     what a round does, for the progress lines
     * @param rounds    measured rounds after the warm-up
     * @param ours      drmaa2j's side
     * @param reference the reference side
     * @return the samples of both
     * @throws Exception when a side failed
     */
    static Result run(String label, int rounds, Side ours, Side reference) throws Exception {
        Samples a = new Samples();
        Samples b = new Samples();
        for (int r = -1; r < rounds; r++) {
            boolean oursFirst = r % 2 == 0;
            double first = oursFirst ? ours.millis(r) : reference.millis(r);
            double second = oursFirst ? reference.millis(r) : ours.millis(r);
            double o = oursFirst ? first : second;
            double ref = oursFirst ? second : first;
            System.out.printf("%s round %s: drmaa2j %.0f ms, reference %.0f ms%n", label, r < 0 ? "warm-up" : r, o, ref);
            if (r < 0) continue; // the warm-up round
            a.add(o);
            b.add(ref);
        }
        return new Result(a, b);
    }
}
