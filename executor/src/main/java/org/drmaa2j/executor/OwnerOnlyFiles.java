// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the cache directory the submitting user's own. Directories it creates are {@code rwx------}
 * whatever the umask; every directory and file read from it, and the cache directory itself when it
 * already exists, must be owned by the user running this JVM and writable by nobody else, or
 * {@link UnsafeCacheException} says which path is wrong and how to fix it. A path is checked together
 * with every directory between it and the cache directory. On a file system without POSIX
 * permissions only the owner is checked.
 */
final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static volatile UserPrincipal currentUser;

    private final Path root;
    private final UserPrincipal owner;

    /**
     * @param root the cache directory
     * @param owner who must own it; null for the user running this JVM
     */
    OwnerOnlyFiles(Path root, UserPrincipal owner) {
        this.root = root.toAbsolutePath().normalize();
        this.owner = owner;
    }

    Path root() {
        return root;
    }

    /**
     * Creates the cache directory {@code rwx------} (its missing parents as usual), or checks the one there.
     *
     * @throws UnsafeCacheException if it exists and is not this user's own
     */
    void createRoot() {
        try {
            if (root.getParent() != null) Files.createDirectories(root.getParent());
            createPrivate(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cache directory " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a directory under the cache directory, and its missing parents up to it, {@code rwx------};
     * checks those that exist.
     *
     * @param dir a directory under the cache directory
     * @return it
     * @throws UnsafeCacheException if one of them exists and is not this user's own
     */
    Path directory(Path dir) {
        Path d = inside(dir);
        check(root);
        try {
            Path step = root;
            for (Path name : root.relativize(d)) {
                if (name.toString().isEmpty()) continue;
                step = step.resolve(name.toString());
                createPrivate(step);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + d + ": " + e.getMessage(), e);
        }
        return d;
    }

    /**
     * @param path a file or directory under (or being) the cache directory, which exists
     * @throws UnsafeCacheException if it, or a directory between it and the cache directory, is not this user's own
     */
    void checkPath(Path path) {
        Path p = inside(path);
        for (Path q = p; q != null && q.startsWith(root); q = q.getParent()) check(q);
    }

    /**
     * @param tree a file, or a directory with everything in it, under the cache directory
     * @throws UnsafeCacheException if anything in it, or a directory above it up to the cache directory, is not this user's own
     */
    void checkTree(Path tree) {
        checkPath(tree);
        if (!Files.isDirectory(tree)) return;
        try (Stream<Path> s = Files.walk(tree)) {
            s.forEach(this::check);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + tree + ": " + e.getMessage(), e);
        }
    }

    /** Makes a file or directory tree this process created owner-only: {@code rw-------} files, {@code rwx------} directories. */
    static void restrict(Path tree) throws IOException {
        if (!posix(tree)) return;
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
            }
        }
    }

    /** @return the attribute that creates a directory {@code rwx------}, or none without POSIX permissions */
    static FileAttribute<?>[] privateDirectory(Path where) {
        return posix(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0];
    }

    private void createPrivate(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, privateDirectory(dir.getParent()));
            if (posix(dir)) Files.setPosixFilePermissions(dir, DIRECTORY);
        } catch (FileAlreadyExistsException e) {
            // there before: checked below
        }
        if (!Files.isDirectory(dir)) throw new UnsafeCacheException(dir, dir + " is not a directory");
        check(dir);
    }

    private void check(Path p) {
        UserPrincipal me = owner != null ? owner : currentUser();
        try {
            UserPrincipal found;
            Set<PosixFilePermission> perms = null;
            if (posix(p)) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
                found = a.owner();
                perms = a.permissions();
            } else {
                found = Files.getOwner(p);
            }
            if (!found.getName().equals(me.getName())) {
                throw new UnsafeCacheException(p, p + " is owned by " + found.getName() + ", not by " + me.getName()
                        + ", who runs the executor: another user could have planted a task or class there. Use a cache"
                        + " directory of your own");
            }
            if (perms != null && (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE))) {
                String who = perms.contains(PosixFilePermission.OTHERS_WRITE) ? "every user" : "its group";
                throw new UnsafeCacheException(p, p + " is writable by " + who + " (" + PosixFilePermissions.toString(perms)
                        + "): another user could plant a task or class there that runs as " + me.getName()
                        + ". Remove the write permission (chmod go-w) or use a new cache directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + p + ": " + e.getMessage(), e);
        }
    }

    private Path inside(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(root)) throw new IllegalArgumentException(p + " is not inside the cache directory " + root);
        return p;
    }

    private static boolean posix(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    /** @return the user running this JVM: the owner of a file it creates */
    static UserPrincipal currentUser() {
        UserPrincipal u = currentUser;
        if (u != null) return u;
        try {
            Path probe = Files.createTempFile("drmaa2j-owner", ".probe");
            try {
                u = Files.getOwner(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            try {
                u = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name"));
            } catch (IOException again) {
                throw new UncheckedIOException("cannot tell which user runs this JVM: " + e.getMessage(), e);
            }
        }
        currentUser = u;
        return u;
    }
}
