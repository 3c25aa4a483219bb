// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InvalidClassException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache directory is the user's own: created {@code rwx------}, refused when another user could have
 * written it (mode bits or owner), and serialized objects read from it pass the input filter.
 */
class CacheSafetyTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(TaskInputFilter.PROPERTY);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void chmod(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    @Test
    void create_newDirectories_ownerOnly() throws Exception {
        TaskCache cache = TaskCache.create(tmp.resolve("a/b/cache"), null);
        cache.writeTask("k1", new byte[] {1, 2});
        cache.recordJob("k1", "7", tmp.resolve("err"));
        assertEquals("rwx------", mode(tmp.resolve("a/b/cache")));
        assertEquals("rwx------", mode(tmp.resolve("a/b/cache/tasks")));
        assertEquals("rwx------", mode(tmp.resolve("a/b/cache/tasks/k1")));
        assertEquals("rw-------", mode(tmp.resolve("a/b/cache/tasks/k1/task.ser")));
        assertEquals("rw-------", mode(tmp.resolve("a/b/cache/tasks/k1/job.properties")));
    }

    @Test
    void create_existingGroupWritable_refusedNamingPathAndFix() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("shared"));
        chmod(dir, "rwxrwxr-x");
        UnsafeCacheException e = assertThrows(UnsafeCacheException.class, () -> TaskCache.create(dir, null));
        assertEquals("cacheDirectory", e.getField());
        assertEquals(dir, e.getPath());
        assertTrue(e.getMessage().contains(dir + " is writable by its group (rwxrwxr-x)"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod go-w"), e.getMessage());
        chmod(dir, "rwxr-xr-x");
        TaskCache.create(dir, null);
    }

    @Test
    void readOutcome_plantedWorldWritableFile_refused() throws Exception {
        TaskCache cache = TaskCache.create(tmp.resolve("cache"), null);
        cache.writeOutcome("k", Outcome.value(1));
        Path planted = cache.taskDir("k").resolve(TaskCache.OUTCOME);
        chmod(planted, "rw-rw-rw-");
        UnsafeCacheException e = assertThrows(UnsafeCacheException.class, () -> cache.readOutcome("k"));
        assertTrue(e.getMessage().contains(planted + " is writable by every user"), e.getMessage());
    }

    @Test
    void readTask_directoryWritableByOthers_refused() throws Exception {
        TaskCache cache = TaskCache.create(tmp.resolve("cache"), null);
        cache.writeTask("k", new byte[] {0});
        chmod(cache.taskDir("k").getParent(), "rwx----w-");
        UnsafeCacheException e = assertThrows(UnsafeCacheException.class, () -> cache.readTask("k"));
        assertEquals(cache.taskDir("k").getParent(), e.getPath());
        assertThrows(UnsafeCacheException.class, () -> cache.writeTask("k2", new byte[] {0}), "nothing is written there either");
    }

    @Test
    void readTask_plantedByAnotherUser_refused() throws Exception {
        TaskCache mine = TaskCache.create(tmp.resolve("cache"), null);
        mine.writeTask("k", new byte[] {0});
        Path planted = mine.taskDir("k").resolve(TaskCache.TASK);
        UserPrincipal me = OwnerOnlyFiles.currentUser();
        String other;
        TaskCache cache;
        try {
            // as root, the file really belongs to another user ...
            Files.setOwner(planted, planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534"));
            other = Files.getOwner(planted).getName();
            cache = mine;
        } catch (FileSystemException | UnsupportedOperationException e) {
            // ... otherwise the cache is read as if by another user, to whom this user's file is foreign
            other = me.getName();
            cache = TaskCache.create(tmp.resolve("cache"), () -> "someone-else");
        }
        TaskCache reader = cache;
        UnsafeCacheException e = assertThrows(UnsafeCacheException.class, () -> reader.readTask("k"));
        assertTrue(e.getMessage().contains("is owned by " + other + ", not by "), e.getMessage());
    }

    @Test
    void create_directoryOfAnotherUser_refused() {
        UnsafeCacheException e = assertThrows(UnsafeCacheException.class, () -> TaskCache.create(tmp, () -> "someone-else"));
        assertTrue(e.getMessage().contains("not by someone-else"), e.getMessage());
    }

    @Test
    void stage_copiesOwnerOnly_andRefusesATamperedCopy() throws Exception {
        Path jar = tmp.resolve("lib.jar");
        Files.writeString(jar, "not really a jar", StandardCharsets.UTF_8);
        chmod(jar, "rw-rw-r--");
        Path classes = Files.createDirectories(tmp.resolve("classes/org/x"));
        Files.writeString(classes.resolve("A.class"), "x");
        chmod(classes.resolve("A.class"), "rw-rw-rw-");
        TaskCache cache = TaskCache.create(tmp.resolve("cache"), null);
        List<String> staged = ClasspathStager.stage(List.of(jar.toString(), tmp.resolve("classes").toString()),
                cache.files(), cache.root().resolve("classpath"));
        assertEquals("rw-------", mode(Path.of(staged.get(0))));
        assertEquals("rw-------", mode(Path.of(staged.get(1)).resolve("org/x/A.class")));
        assertEquals("rwx------", mode(Path.of(staged.get(1)).resolve("org/x")));
        assertEquals(staged, ClasspathStager.stage(List.of(jar.toString(), tmp.resolve("classes").toString()),
                cache.files(), cache.root().resolve("classpath")), "staged once, reused");

        chmod(Path.of(staged.get(1)).resolve("org/x/A.class"), "rw--w----");
        UnsafeCacheException e = assertThrows(UnsafeCacheException.class, () -> ClasspathStager.stage(
                List.of(tmp.resolve("classes").toString()), cache.files(), cache.root().resolve("classpath")));
        assertEquals(Path.of(staged.get(1)).resolve("org/x/A.class"), e.getPath());
    }

    @Test
    void builder_unsafeCacheDirectory_refusedBeforeAnyJobOrSession() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("open"));
        chmod(dir, "rwxrwxrwx");
        Path state = tmp.resolve("state");
        UnsafeCacheException e = assertThrows(UnsafeCacheException.class, () -> ClusterExecutor.builder(dir).driver("local")
                .properties(Map.of("drmaa2j.stateDir", state.toString())).build());
        assertEquals("cacheDirectory", e.getField());
        assertFalse(Files.exists(state), "no session manager was created");
    }

    @Test
    void taskMain_unsafeCacheDirectory_exitsWithoutRunningAnything() throws Exception {
        TaskCache cache = TaskCache.create(tmp.resolve("cache"), null);
        cache.writeTask("k", TaskCodec.encode((ClusterTask<Integer>) () -> 1).bytes());
        chmod(cache.root(), "rwxrwxrwx");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TaskMain.class.getName(), cache.root().toString(), "k")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "TaskMain did not end");
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.contains("is writable by every user"), out);
        assertFalse(Files.exists(cache.taskDir("k").resolve(TaskCache.OUTCOME)), "the task did not run");
    }

    /** @return an instance of a class of known gadget chains (javax.management's trigger of toString) */
    private static Object gadget(String value) throws ReflectiveOperationException {
        return Class.forName("javax.management.BadAttributeValueExpException").getConstructor(Object.class).newInstance(value);
    }

    @Test
    void decode_gadgetClass_refusedByName() throws Exception {
        byte[] bytes = TaskCache.serialize(gadget("x"));
        InvalidClassException e = assertThrows(InvalidClassException.class, () -> TaskCodec.decode(bytes));
        assertTrue(e.getMessage().contains("class javax.management.BadAttributeValueExpException"), e.getMessage());

        TaskCache cache = TaskCache.create(tmp.resolve("cache"), null);
        cache.writeOutcome("k", Outcome.value(new ArrayList<>(List.of(gadget("y")))));
        IOException inOutcome = assertThrows(IOException.class, () -> cache.readOutcome("k"));
        assertTrue(inOutcome.getMessage().contains("BadAttributeValueExpException"), inOutcome.getMessage());
    }

    @Test
    void decode_tooDeep_refusedByTheDepthLimit() throws Exception {
        Object[] nested = new Object[1];
        Object[] inner = nested;
        for (int i = 0; i < 250; i++) {
            Object[] next = new Object[1];
            inner[0] = next;
            inner = next;
        }
        byte[] deep = TaskCache.serialize(nested);
        InvalidClassException e = assertThrows(InvalidClassException.class, () -> TaskCodec.decode(deep));
        assertTrue(e.getMessage().contains("at depth 201"), e.getMessage());
        System.setProperty(TaskInputFilter.PROPERTY, "maxdepth=400");
        TaskCodec.decode(deep);
    }

    @Test
    void decode_arrayAndSizeLimits_fromTheProperty() throws Exception {
        System.setProperty(TaskInputFilter.PROPERTY, "maxarray=10;maxbytes=2000");
        assertEquals(10, ((int[]) TaskCodec.decode(TaskCache.serialize(new int[10]))).length);
        InvalidClassException array = assertThrows(InvalidClassException.class, () -> TaskCodec.decode(TaskCache.serialize(new int[11])));
        assertTrue(array.getMessage().contains("array length 11"), array.getMessage());
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            big.add("x".repeat(300) + i);
            big.add(Integer.valueOf(1000 + i));
        }
        InvalidClassException size = assertThrows(InvalidClassException.class, () -> TaskCodec.decode(TaskCache.serialize(big)));
        assertTrue(size.getMessage().matches(".* after \\d+ references and \\d+ bytes .*maxbytes=2000.*"), size.getMessage());
    }

    @Test
    void propertyPattern_cannotAllowARefusedClass() throws Exception {
        System.setProperty(TaskInputFilter.PROPERTY, "javax.management.**");
        byte[] bytes = TaskCache.serialize(gadget("x"));
        assertThrows(InvalidClassException.class, () -> TaskCodec.decode(bytes));
        assertTrue(new File(tmp.toString()).isDirectory());
    }
}
