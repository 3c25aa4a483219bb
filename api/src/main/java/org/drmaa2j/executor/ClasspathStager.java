// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path a task's job runs with: the submitting JVM's by default (for a file system the nodes
 * share), or copied into the cache directory ({@code classpath/<hash>/<name>}, each entry once per
 * version) when the class path is on a local disk but the cache directory is shared.
 */
final class ClasspathStager {
    private ClasspathStager() {
    }

    /** @return this JVM's class path entries as absolute paths */
    static List<String> current() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) out.add(Path.of(e).toAbsolutePath().normalize().toString());
        }
        return out;
    }

    /** @return the staged copies of the entries, in the same order; missing entries are skipped */
    static List<String> stage(List<String> entries, Path into) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            Path src = Path.of(e).toAbsolutePath().normalize();
            if (!Files.exists(src)) continue;
            try {
                String version = src + "|" + size(src) + "|" + Files.getLastModifiedTime(src).toMillis();
                Path dir = into.resolve(TaskCodec.shortHash(version));
                Path target = dir.resolve(src.getFileName().toString());
                if (!Files.exists(target)) copy(src, dir, target);
                out.add(target.toString());
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot stage class path entry " + src + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    private static long size(Path p) throws IOException {
        if (!Files.isDirectory(p)) return Files.size(p);
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void copy(Path src, Path dir, Path target) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".staging");
        Path staged = tmp.resolve(src.getFileName().toString());
        if (Files.isDirectory(src)) {
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path t = staged.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } else {
            Files.copy(src, staged, StandardCopyOption.COPY_ATTRIBUTES);
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.exists(target)) throw raced;
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
