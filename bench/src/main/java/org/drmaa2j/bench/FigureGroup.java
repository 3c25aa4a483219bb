// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

/**
 * One group of end-to-end figures that the runner ({@link Bench}) collects: the group starts what it
 * needs (usually a cluster in a container, see {@link InContainer}), measures, and adds its rows to
 * the table. Groups are found with {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/org.drmaa2j.bench.FigureGroup}); a class of this package named in
 * {@link Bench#KNOWN_GROUPS} is also picked up without that line. An implementation has a public
 * no-argument constructor. The Grid Engine group ({@code org.drmaa2j.bench.GridEngineFigures}, named
 * {@value Bench#GRID_ENGINE}) compares the native driver with Grid Engine's JNI binding; while it is
 * absent, a full run writes a row saying so.
 */
public interface FigureGroup {

    /** @return the short name that selects this group on the command line, e.g. {@code gridengine} */
    String name();

    /**
     * Measures and adds rows to the table; a group that cannot run here (no Docker, no image) throws,
     * and the runner writes a row naming the group and the reason instead of its figures.
     *
     * @param table the table of this run
     * @throws Exception when measuring failed
     */
    void measure(ResultTable table) throws Exception;
}
