// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.drmaa2j.Capability;
import org.drmaa2j.MonitoringSession;
import org.drmaa2j.SessionManager;
import org.drmaa2j.OperationUnsupportedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drmaa2 queues} and {@code drmaa2 machines}: what the driver's monitoring session sees. */
abstract class MonitoringCommand implements Callable<Integer> {
    @ParentCommand
    Drmaa2Cli root;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these (default: all).")
    List<String> names;

    abstract void print(MonitoringSession monitoring, Printer printer);

    @Override
    public final Integer call() {
        try (SessionManager sm = root.openManager()) {
            if (!sm.supports(Capability.MONITORING)) {
                throw new OperationUnsupportedException(sm.getDrmaaName() + " has no monitoring session (Capability.MONITORING),"
                        + " so it cannot list queues or machines");
            }
            MonitoringSession monitoring = sm.openMonitoringSession(root.contact);
            try {
                print(monitoring, root.printer());
            } finally {
                sm.closeMonitoringSession(monitoring);
            }
        }
        return 0;
    }

    /** {@code drmaa2 queues}. */
    @Command(name = "queues", mixinStandardHelpOptions = true, description = "List the scheduler's queues (Slurm partitions).")
    static final class Queues extends MonitoringCommand {
        @Override
        void print(MonitoringSession monitoring, Printer printer) {
            printer.queues(monitoring.getAllQueues(names == null || names.isEmpty() ? null : names));
        }
    }

    /** {@code drmaa2 machines}. */
    @Command(name = "machines", mixinStandardHelpOptions = true, description = "List the scheduler's machines (nodes).")
    static final class Machines extends MonitoringCommand {
        @Override
        void print(MonitoringSession monitoring, Printer printer) {
            printer.machines(monitoring.getAllMachines(names == null || names.isEmpty() ? null : names));
        }
    }
}
