// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Private directories (0700) and files (0600), written atomically: a temporary file, then a rename. */
public final class AtomicFiles {
    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /**
     * Creates a directory and missing parents, each new one 0700.
     *
     * @param dir the directory
     * @return the directory
     * @throws IOException if it cannot be created
     */
    public static Path privateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return dir;
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) privateDirectories(parent);
        try {
            createPrivateDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) throw e;
        }
        return dir;
    }

    /**
     * Creates one directory, 0700, failing if it exists: the atomic step that makes names unique.
     *
     * @param dir the directory
     * @throws FileAlreadyExistsException if it exists
     * @throws IOException on other failures
     */
    public static void createPrivateDirectory(Path dir) throws IOException {
        if (posix(dir)) {
            Files.createDirectory(dir, dirAttr());
            Files.setPosixFilePermissions(dir, DIR); // the umask may have removed bits, never added them
        } else {
            Files.createDirectory(dir);
        }
    }

    /**
     * Writes a file atomically with mode 0600: readers see the old or the new content, never a part.
     *
     * @param file the target
     * @param content the bytes
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, byte[] content) throws IOException {
        write(file, content, false);
    }

    /**
     * Writes a file as {@link #write} does, and forces the new content to disk before the rename
     * (where the file system can), so that a system crash leaves the old or the new content, never
     * an empty file.
     *
     * @param file the target
     * @param content the bytes
     * @throws IOException if it cannot be written
     */
    public static void writeDurably(Path file, byte[] content) throws IOException {
        write(file, content, true);
    }

    private static void write(Path file, byte[] content, boolean force) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        try {
            if (posix(tmp)) {
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, fileAttr());
                Files.setPosixFilePermissions(tmp, FILE); // a remote file system may apply its own umask
            }
            Files.write(tmp, content);
            if (force) force(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void force(Path file) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // a file system that cannot force (a remote one) still gets the atomic rename
        }
    }

    /**
     * Creates an empty file 0600, failing if it exists: a cross-process claim.
     *
     * @param file the file
     * @return true when this call created it, false when it existed
     * @throws IOException on other failures
     */
    public static boolean claim(Path file) throws IOException {
        try {
            if (posix(file)) {
                Files.createFile(file, fileAttr());
                if (file.getFileSystem() != java.nio.file.FileSystems.getDefault()) Files.setPosixFilePermissions(file, FILE);
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (Files.exists(file)) return false; // a remote file system (SFTP) says "exists" in its own words
            throw e;
        }
    }

    /**
     * Creates a file 0600 with its content, failing if it exists: a cross-process claim that no
     * reader ever sees empty (the content goes into a temporary file that is then linked into place).
     * Where the file system has no hard links, the file is claimed empty and then written.
     *
     * @param file the file
     * @param content its content
     * @return true when this call created it, false when it existed
     * @throws IOException on other failures
     */
    public static boolean claim(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        try {
            Files.deleteIfExists(tmp);
            if (posix(tmp)) Files.createFile(tmp, fileAttr());
            Files.write(tmp, content);
            try {
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                if (e instanceof java.nio.file.FileSystemException && Files.exists(file)) return false;
                if (!claim(file)) return false;
                Files.write(file, content);
                return true;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** @return true when the path's file system has POSIX permissions (the local one here, or SFTP) */
    private static boolean posix(Path p) {
        return p.getFileSystem() == java.nio.file.FileSystems.getDefault() ? POSIX
                : p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> dirAttr() {
        return PosixFilePermissions.asFileAttribute(DIR);
    }

    private static FileAttribute<Set<PosixFilePermission>> fileAttr() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }
}
