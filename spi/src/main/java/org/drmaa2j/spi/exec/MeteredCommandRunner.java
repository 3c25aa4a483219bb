// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.exec;

/**
 * Counts the commands of a runner that does not count them itself in {@link CommandMetrics}: a
 * {@link CommandTransport} whose runner does not start local processes wraps it in this.
 */
public final class MeteredCommandRunner implements CommandRunner {
    private final CommandRunner delegate;

    /** @param delegate the runner whose commands are counted */
    public MeteredCommandRunner(CommandRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public CommandResult run(Command command) {
        CommandResult r = delegate.run(command);
        CommandMetrics.record(command, r.elapsed().toNanos());
        return r;
    }

    @Override
    public java.util.Optional<CoProcess> startCoProcess(Command command) {
        return delegate.startCoProcess(command);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
