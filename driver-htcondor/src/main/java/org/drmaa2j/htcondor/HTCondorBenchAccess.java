// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.htcondor;

/**
 * What the benchmarks need of the HTCondor driver's package-private parts.
 *
 * <p>A hook for the {@code bench} module, which runs on the class path: not part of the driver's API,
 * and its package is not exported by the driver's module.
 */
public final class HTCondorBenchAccess {
    private HTCondorBenchAccess() {
    }

    /** @return the {@code -attributes} list of the driver's status query */
    public static String statusAttributes() {
        return CondorJobAds.attributeList();
    }
}
