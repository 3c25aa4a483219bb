// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.slurm.tck;

import java.util.List;
import org.drmaa2j.tck.containers.ClusterContainer;
import org.drmaa2j.tck.containers.ExecOutcome;
import org.drmaa2j.tck.containers.SlurmContainer;
import org.drmaa2j.tck.containers.SlurmVersion;
import org.drmaa2j.tck.containers.ContainerTckEnvironment;

/**
 * The TCK against a real Slurm cluster (slurmctld, slurmd, slurmdbd with MariaDB) in a container
 * started by Testcontainers. One environment per Slurm release, named {@code slurm-<release>}:
 * {@link V20_11}, {@link V22_05}, {@link V24_11}. On 22.05 the TCK's user is an ordinary user, so
 * the suite checks that advance reservations are refused; on 20.11 and 24.11 it is a Slurm operator
 * ({@code sacctmgr ... adminlevel=Operator}), so the suite's reservation tests run for real there.
 */
public abstract class SlurmTckEnvironment extends ContainerTckEnvironment<SlurmContainer> {
    private final SlurmVersion version;
    private final boolean operator;

    SlurmTckEnvironment(SlurmVersion version, boolean operator) {
        this.version = version;
        this.operator = operator;
    }

    @Override
    public void start() {
        super.start();
        if (operator) {
            ExecOutcome o = cluster().execAsRoot("sacctmgr", "-i", "modify", "user", ClusterContainer.USER, "set", "adminlevel=Operator");
            if (!o.succeeded()) throw new IllegalStateException("cannot make " + ClusterContainer.USER + " a Slurm operator: " + o);
        }
    }

    @Override
    public String name() {
        return "slurm-" + version.release();
    }

    @Override
    public String driverName() {
        return "slurm";
    }

    @Override
    protected SlurmContainer newCluster() {
        return new SlurmContainer(version);
    }

    @Override
    public List<String> queueNames() {
        return List.of(SlurmContainer.DEFAULT_PARTITION, SlurmContainer.OTHER_PARTITION);
    }

    /** Slurm 20.11 (Debian 11). */
    public static final class V20_11 extends SlurmTckEnvironment {
        /** For ServiceLoader. */
        public V20_11() {
            super(SlurmVersion.SLURM_20_11, true);
        }
    }

    /** Slurm 22.05 (Debian 12). */
    public static final class V22_05 extends SlurmTckEnvironment {
        /** For ServiceLoader. */
        public V22_05() {
            super(SlurmVersion.SLURM_22_05, false);
        }
    }

    /** Slurm 24.11 (Debian 13). */
    public static final class V24_11 extends SlurmTckEnvironment {
        /** For ServiceLoader. */
        public V24_11() {
            super(SlurmVersion.SLURM_24_11, true);
        }
    }
}
