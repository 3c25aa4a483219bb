// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

import org.drmaa2j.tck.samples.SampleOutputs;

/** Reads an output recorded from the real HTCondor 23.9.6 pool, from test resources, without its SOURCE line. */
final class Samples {
    private Samples() {
    }

    /** @param name a file of {@code samples/htcondor}, without {@code .txt} @return its recorded output */
    static String read(String name) {
        return SampleOutputs.read(Samples.class, "htcondor", name + ".txt");
    }
}
