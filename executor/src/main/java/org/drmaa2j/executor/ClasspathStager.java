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
 * version, owner-only) when the class path is on a local disk but the cache directory is shared.
 */
final class ClasspathStager {
    private ClasspathStager() {
    }

    /**
     * @return this JVM's class path entries, then its module path entries (a program started on the
     *         module path has its jars there; the job runs them on the class path), as absolute paths
     */
    static List<String> current() {
        List<String> out = new ArrayList<>();
        for (String property : List.of("java.class.path", "jdk.module.path")) {
            for (String e : System.getProperty(property, "").split(File.pathSeparator)) {
                if (e.isBlank()) continue;
                String entry = Path.of(e).toAbsolutePath().normalize().toString();
                if (!out.contains(entry)) out.add(entry);
            }
        }
        return out;
    }

    /**
     * @param entries the class path entries
     * @param files the cache directory's keeper: staged copies are made owner-only, and a copy staged
     *        before is used only when it is still the user's own
     * @param into where the copies go, inside the cache directory
     * @return the staged copies of the entries, in the same order; missing entries are skipped
     * @throws UnsafeCacheException if a copy staged before could have been changed by another user
     */
    static List<String> stage(List<String> entries, OwnerOnlyFiles files, Path into) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            Path src = Path.of(e).toAbsolutePath().normalize();
            if (!Files.exists(src)) continue;
            try {
                String version = src + "|" + size(src) + "|" + Files.getLastModifiedTime(src).toMillis();
                Path dir = files.directory(into.resolve(TaskCodec.shortHash(version)));
                Path target = dir.resolve(src.getFileName().toString());
                if (!Files.exists(target)) copy(src, dir, target);
                files.checkTree(target);
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

    /** Copies without the source's permissions: the copy is owner-only, whatever the source allowed. */
    private static void copy(Path src, Path dir, Path target) throws IOException {
        Path tmp = Files.createTempDirectory(dir, ".staging", OwnerOnlyFiles.privateDirectory(dir));
        Path staged = tmp.resolve(src.getFileName().toString());
        if (Files.isDirectory(src)) {
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path t = staged.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                }
            }
        } else {
            Files.copy(src, staged);
        }
        OwnerOnlyFiles.restrict(staged);
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
