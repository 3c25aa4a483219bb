// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import org.drmaa2j.provider.Drmaa2Provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Drmaa2Test {
    @TempDir
    Path dir;

    private ClassLoader saved;
    private String savedProperty;

    @BeforeEach
    void save() {
        assumeTrue(System.getenv(Drmaa2.DRIVER_ENV) == null, Drmaa2.DRIVER_ENV + " is set in this environment");
        saved = Thread.currentThread().getContextClassLoader();
        savedProperty = System.getProperty(Drmaa2.DRIVER_PROPERTY);
        System.clearProperty(Drmaa2.DRIVER_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) return;
        Thread.currentThread().setContextClassLoader(saved);
        if (savedProperty == null) System.clearProperty(Drmaa2.DRIVER_PROPERTY);
        else System.setProperty(Drmaa2.DRIVER_PROPERTY, savedProperty);
    }

    private <T> T with(List<Class<? extends Drmaa2Provider>> visible, Callable<T> action) throws Exception {
        Thread.currentThread().setContextClassLoader(TestProviders.loaderShowing(dir, visible));
        return action.call();
    }

    @Test
    void getProviders_servicesFile_findsBothSortedByName() {
        List<String> names = Drmaa2.getProviders().stream().map(Drmaa2Provider::getName).collect(Collectors.toList());
        assertEquals(List.of("alpha", "beta"), names);
    }

    @Test
    void getProvider_noneInstalled_saysSo() throws Exception {
        DriverSelectionException e = with(List.of(), () ->
                assertThrows(DriverSelectionException.class, () -> Drmaa2.getProvider(null)));
        assertTrue(e.getMessage().contains("No drmaa2j driver is installed"), e.getMessage());
        assertTrue(e.getMessage().contains("drmaa2j-driver-local"), e.getMessage());
    }

    @Test
    void getSessionManager_noneInstalled_throws() throws Exception {
        with(List.of(), () -> assertThrows(DriverSelectionException.class, Drmaa2::getSessionManager));
    }

    @Test
    void getProvider_onlyOne_chosenWithoutName() throws Exception {
        assertEquals("beta", with(List.of(TestProviders.Beta.class), () -> Drmaa2.getProvider(null).getName()));
    }

    @Test
    void getProvider_severalNoneChosen_listsThem() throws Exception {
        DriverSelectionException e = with(List.of(TestProviders.Alpha.class, TestProviders.Beta.class), () ->
                assertThrows(DriverSelectionException.class, () -> Drmaa2.getProvider(null)));
        String m = e.getMessage();
        assertTrue(m.contains("alpha (test provider alpha)"), m);
        assertTrue(m.contains("beta (test provider beta)"), m);
        assertTrue(m.contains(Drmaa2.DRIVER_PROPERTY), m);
    }

    @Test
    void getProvider_byName_caseInsensitive() throws Exception {
        List<Class<? extends Drmaa2Provider>> both = List.of(TestProviders.Alpha.class, TestProviders.Beta.class);
        assertEquals("alpha", with(both, () -> Drmaa2.getProvider("alpha").getName()));
        assertEquals("beta", with(both, () -> Drmaa2.getProvider(" BETA ").getName()));
    }

    @Test
    void getProvider_bySystemProperty() throws Exception {
        System.setProperty(Drmaa2.DRIVER_PROPERTY, "beta");
        assertEquals("beta", with(List.of(TestProviders.Alpha.class, TestProviders.Beta.class),
                () -> Drmaa2.getProvider(null).getName()));
    }

    @Test
    void getProvider_nameWinsOverProperty() throws Exception {
        System.setProperty(Drmaa2.DRIVER_PROPERTY, "beta");
        assertEquals("alpha", with(List.of(TestProviders.Alpha.class, TestProviders.Beta.class),
                () -> Drmaa2.getProvider("alpha").getName()));
    }

    @Test
    void getProvider_unknownName_listsInstalled() throws Exception {
        DriverSelectionException e = with(List.of(TestProviders.Alpha.class, TestProviders.Beta.class), () ->
                assertThrows(DriverSelectionException.class, () -> Drmaa2.getProvider("slurm")));
        String m = e.getMessage();
        assertTrue(m.contains("'slurm'"), m);
        assertTrue(m.contains("Installed: alpha (test provider alpha), beta (test provider beta)"), m);
    }

    @Test
    void getProvider_unknownPropertyValue_listsInstalled() throws Exception {
        System.setProperty(Drmaa2.DRIVER_PROPERTY, "pbs");
        DriverSelectionException e = with(List.of(TestProviders.Alpha.class), () ->
                assertThrows(DriverSelectionException.class, () -> Drmaa2.getProvider(null)));
        assertTrue(e.getMessage().contains("'pbs'") && e.getMessage().contains("alpha"), e.getMessage());
    }

    @Test
    void getSessionManager_passesProperties() throws Exception {
        try (SessionManager sm = with(List.of(TestProviders.Alpha.class),
                () -> Drmaa2.getSessionManager("alpha", Map.of("k", "v")))) {
            assertEquals("drmaa2j-alpha", sm.getDrmaaName());
            assertEquals("{k=v}", sm.getDrmsName());
        }
        try (SessionManager sm = with(List.of(TestProviders.Alpha.class), () -> Drmaa2.getSessionManager("alpha", null))) {
            assertEquals("{}", sm.getDrmsName());
        }
    }

    @Test
    void getProviders_brokenDriver_selectionExceptionSaysWhy() throws Exception {
        DriverSelectionException e = with(List.of(TestProviders.Alpha.class, TestProviders.Broken.class), () ->
                assertThrows(DriverSelectionException.class, () -> Drmaa2.getProvider("alpha")));
        assertTrue(e.getMessage().contains("TestProviders$Broken"), e.getMessage());
        assertTrue(e.getMessage().contains("native library missing"), e.getMessage());
    }

    @Test
    void getProviders_sameLoader_foundOnceAndSameInstances() throws Exception {
        TestProviders.ShowingLoader loader = new TestProviders.ShowingLoader(dir, List.of(TestProviders.Alpha.class));
        List<Drmaa2Provider> first = Drmaa2.getProviders(loader);
        List<Drmaa2Provider> second = Drmaa2.getProviders(loader);
        assertSame(first.get(0), second.get(0));
        assertSame(first.get(0), Drmaa2.getProvider(loader, "alpha"));
        assertEquals(1, loader.lookups.get(), "the services file is read once per class loader");
        assertThrows(java.lang.UnsupportedOperationException.class, () -> first.add(new TestProviders.Beta()));
    }

    @Test
    void getProviders_otherLoader_ownProviders() throws Exception {
        ClassLoader a = TestProviders.loaderShowing(dir, List.of(TestProviders.Alpha.class));
        ClassLoader b = TestProviders.loaderShowing(dir, List.of(TestProviders.Beta.class));
        assertEquals("alpha", Drmaa2.getProvider(a, null).getName());
        assertEquals("beta", Drmaa2.getProvider(b, null).getName());
        assertNotSame(Drmaa2.getProvider(a, null), Drmaa2.getProvider(TestProviders.loaderShowing(dir, List.of(TestProviders.Alpha.class)), null));
    }

    @Test
    void getProvider_explicitLoader_winsOverContextLoader() throws Exception {
        ClassLoader onlyBeta = TestProviders.loaderShowing(dir, List.of(TestProviders.Beta.class));
        assertEquals("beta", with(List.of(TestProviders.Alpha.class), () -> Drmaa2.getProvider(onlyBeta, null).getName()));
        try (SessionManager sm = with(List.of(), () -> Drmaa2.getSessionManager(onlyBeta, "beta", Map.of("k", "v")))) {
            assertEquals("drmaa2j-beta", sm.getDrmaaName());
            assertEquals("{k=v}", sm.getDrmsName());
        }
    }

    @Test
    void getProviders_nullLoader_isTheDefault() throws Exception {
        TestProviders.ShowingLoader loader = new TestProviders.ShowingLoader(dir, List.of(TestProviders.Beta.class));
        Thread.currentThread().setContextClassLoader(loader);
        assertSame(loader, Drmaa2.getDefaultClassLoader());
        assertSame(Drmaa2.getProviders(null).get(0), Drmaa2.getProviders(loader).get(0));
        assertEquals(1, loader.lookups.get());
    }

    @Test
    void forgetProviders_nextLookupFindsAgain() throws Exception {
        TestProviders.ShowingLoader loader = new TestProviders.ShowingLoader(dir, List.of(TestProviders.Alpha.class));
        Drmaa2Provider before = Drmaa2.getProvider(loader, "alpha");
        loader.providers.add(TestProviders.Beta.class);
        assertThrows(DriverSelectionException.class, () -> Drmaa2.getProvider(loader, "beta"), "still the providers found first");
        Drmaa2.forgetProviders(loader);
        assertEquals("beta", Drmaa2.getProvider(loader, "beta").getName());
        assertNotSame(before, Drmaa2.getProvider(loader, "alpha"));
        assertEquals(2, loader.lookups.get());
    }

    @Test
    void getProviders_failedLookup_notKept() throws Exception {
        TestProviders.ShowingLoader loader = new TestProviders.ShowingLoader(dir, List.of(TestProviders.Alpha.class, TestProviders.Broken.class));
        assertThrows(DriverSelectionException.class, () -> Drmaa2.getProviders(loader));
        loader.providers.remove(TestProviders.Broken.class);
        assertEquals("alpha", Drmaa2.getProvider(loader, null).getName());
    }

    /** Asking for a driver that is not installed throws DriverSelectionException (formerly TCK SM-15). */
    @Test
    void getSessionManager_notInstalled_throwsDriverSelectionException() {
        assertThrows(DriverSelectionException.class, () -> Drmaa2.getSessionManager("drmaa2j-tck-no-such-driver"));
        assertThrows(DriverSelectionException.class, () -> Drmaa2.getSessionManager(
                TestProviders.loaderShowing(dir, List.of(TestProviders.Alpha.class)), "beta", Map.of()));
    }
}
