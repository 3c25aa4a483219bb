// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.drmaa2j.tck.JobFileReader;
import org.drmaa2j.tck.TckEnvironment;
import org.drmaa2j.tck.TckSettings;
import org.drmaa2j.tck.TckTimings;

/**
 * The cluster of the machine the TCK runs on, typically a login node: selected with
 * {@code -Ddrmaa2j.tck.environment=existing}, configured entirely by system properties (see
 * {@link TckSettings}). Nothing is started or stopped. The scratch directory must be on a file
 * system that the compute nodes share with this machine; by default a directory in the home
 * directory.
 */
public final class ExistingClusterEnvironment implements TckEnvironment {
    /** The name that selects this environment. */
    public static final String NAME = "existing";

    private final String scratch;

    /** Reads the configuration from system properties. */
    public ExistingClusterEnvironment() {
        String s = TckSettings.get(TckSettings.SCRATCH);
        scratch = s != null ? s : Path.of(System.getProperty("user.home"), "drmaa2j-tck-scratch").toString();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String driverName() {
        String d = TckSettings.get(TckSettings.DRIVER);
        if (d == null) throw new IllegalStateException("The existing-cluster environment needs -D" + TckSettings.DRIVER + "=<driver name>");
        return d;
    }

    @Override
    public Map<String, String> driverProperties() {
        return TckSettings.withPrefix(TckSettings.PROPERTY_PREFIX);
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(Path.of(scratch));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scratch directory " + scratch + " (set -D" + TckSettings.SCRATCH + ")", e);
        }
    }

    @Override
    public String contact() {
        return TckSettings.get(TckSettings.CONTACT);
    }

    @Override
    public List<String> queueNames() {
        return TckSettings.list(TckSettings.QUEUES);
    }

    @Override
    public List<String> machineNames() {
        return TckSettings.list(TckSettings.MACHINES);
    }

    @Override
    public String scratchDirectory() {
        return scratch;
    }

    @Override
    public JobFileReader fileReader() {
        return new LocalFileReader();
    }

    @Override
    public TckTimings timings() {
        return new TckTimings(java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5), 600);
    }

    @Override
    public String accountingId() {
        return TckSettings.get(TckSettings.ACCOUNTING_ID);
    }
}
