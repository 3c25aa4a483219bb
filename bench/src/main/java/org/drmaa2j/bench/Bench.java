// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs the benchmarks and writes their table next to this jar ({@code bench-results.md}):
 * {@code java -jar drmaa2j-bench.jar [group…]}, all groups when none is named. Groups that need a
 * cluster start it in a container and measure inside it, beside the scheduler's own command line.
 */
public final class Bench {
    /** Groups picked up by class name, without a service line: those of this module and the Grid Engine one. */
    static final List<String> KNOWN_GROUPS = List.of(
            "org.drmaa2j.bench.ParseFigures",
            "org.drmaa2j.bench.LocalFigures",
            "org.drmaa2j.bench.HeapFigures",
            "org.drmaa2j.bench.SlurmGroup",
            "org.drmaa2j.bench.HTCondorGroup",
            "org.drmaa2j.bench.FluxFigures",
            "org.drmaa2j.bench.GridEngineFigures");
    static final String GRID_ENGINE = "gridengine";
    static final String RESULTS = "bench-results.md";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, FigureGroup> groups = groups();
        List<String> chosen = args.length == 0 ? new ArrayList<>(groups.keySet()) : Arrays.asList(args);
        ResultTable table = new ResultTable();
        long t0 = System.nanoTime();
        for (String name : chosen) {
            FigureGroup g = groups.get(name);
            if (g == null) {
                System.err.println("no benchmark group '" + name + "'; groups: " + groups.keySet());
                System.exit(2);
            }
            System.out.println("== " + name);
            long g0 = System.nanoTime();
            try {
                g.measure(table);
            } catch (Exception | Error e) {
                e.printStackTrace();
                table.add(name + ": not measured", "-", "-", "-", "-", "no: " + e);
            }
            System.out.printf("== %s took %.0f s%n", name, (System.nanoTime() - g0) / 1e9);
        }
        if (args.length == 0 && !groups.containsKey(GRID_ENGINE)) {
            table.add("native driver vs Grid Engine's JNI binding", "-", "-", "-", "≥ 0.9×",
                    "no: not measured, GridEngineFigures is not in this build");
        }
        String md = table.markdown();
        Path out = InContainer.jar().getParent().resolve(RESULTS);
        Files.writeString(out, md);
        System.out.println();
        System.out.println(md);
        System.out.printf("written to %s (%.0f s)%n", out.toAbsolutePath(), (System.nanoTime() - t0) / 1e9);
    }

    static Map<String, FigureGroup> groups() {
        Map<String, FigureGroup> out = new LinkedHashMap<>();
        for (String cls : KNOWN_GROUPS) {
            try {
                FigureGroup g = (FigureGroup) Class.forName(cls).getDeclaredConstructor().newInstance();
                out.putIfAbsent(g.name(), g);
            } catch (ClassNotFoundException absent) {
                // a group another module adds later
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + cls, e);
            }
        }
        for (FigureGroup g : ServiceLoader.load(FigureGroup.class)) out.putIfAbsent(g.name(), g);
        return out;
    }
}
