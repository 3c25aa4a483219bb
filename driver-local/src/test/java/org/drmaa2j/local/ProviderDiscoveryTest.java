// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drmaa2j.Drmaa2;
import org.drmaa2j.provider.Drmaa2Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver is found by {@link java.util.ServiceLoader} both ways it can be deployed: on the class path
 * (its {@code META-INF/services} file) and on the module path (its module's {@code provides}), where a
 * module layer is built from the driver and its runtime dependencies alone, with the api module as the
 * only root: service binding must bring the driver in. On the module path a job script is rendered and a
 * job is run too, so that the module descriptors' {@code requires} and {@code opens} are proven, not only
 * the lookup.
 */
class ProviderDiscoveryTest {
    @TempDir
    Path tmp;

    @Test
    void classPath_servicesFileFindsTheDriver() {
        Drmaa2Provider p = Drmaa2.getProvider(getClass().getClassLoader(), "local");
        assertEquals(LocalProvider.class, p.getClass());
        assertFalse(p.getClass().getModule().isNamed(), "on the class path the driver is in the unnamed module");
        assertTrue(getClass().getClassLoader().getResource("META-INF/services/org.drmaa2j.provider.Drmaa2Provider") != null);
    }

    @Test
    void modulePath_providesFindsTheDriver_andAJobRuns() throws Exception {
        List<Path> modulePath = new ArrayList<>();
        modulePath.add(Path.of(LocalProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        Path listing = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "runtime-classpath.txt");
        for (String e : Files.readString(listing).strip().split(File.pathSeparator)) if (!e.isBlank()) modulePath.add(Path.of(e));

        ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
        Configuration cf = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("org.drmaa2j"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("org.drmaa2j");
        // as in an application started from the module path, the context class loader is the modules' (Jinjava
        // loads classes through it); this JVM's own class path holds the same classes a second time
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            onModulePath(layer, loader);
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
    }

    private void onModulePath(ModuleLayer layer, ClassLoader loader) throws Exception {

        Class<?> drmaa2 = loader.loadClass("org.drmaa2j.Drmaa2");
        assertTrue(drmaa2.getModule().isNamed() && drmaa2.getModule().getLayer() == layer);
        List<?> providers = (List<?>) drmaa2.getMethod("getProviders", ClassLoader.class).invoke(null, loader);
        Method getName = loader.loadClass("org.drmaa2j.provider.Drmaa2Provider").getMethod("getName");
        Object local = providers.stream().filter(p -> "local".equals(call(getName, p))).findFirst()
                .orElseThrow(() -> new AssertionError("no local driver on the module path: " + providers));
        assertEquals("org.drmaa2j.local", local.getClass().getModule().getName());
        assertTrue(layer.findModule("org.drmaa2j.spi").isPresent(), "resolved through the driver's requires");

        // the kit's job script renderer: Jinjava, an automatic module, and what it needs must be resolved too
        Class<?> renderer = layer.findLoader("org.drmaa2j.spi").loadClass("org.drmaa2j.spi.script.ScriptRenderer");
        Object r = renderer.getMethod("of", String.class, String.class).invoke(null, "probe",
                "{% for a in args %}[{{ a|sh }}]{% endfor %} {{ name|upper }} {{ items|join(',') }}");
        assertEquals("['a b']['c'\\''d'] JOB x,y", renderer.getMethod("render", Map.class).invoke(r,
                Map.of("args", List.of("a b", "c'd"), "name", "job", "items", List.of("x", "y"))));

        Class<?> managerType = loader.loadClass("org.drmaa2j.SessionManager");
        Class<?> sessionType = loader.loadClass("org.drmaa2j.JobSession");
        Class<?> jobType = loader.loadClass("org.drmaa2j.Job");
        Class<?> templateType = loader.loadClass("org.drmaa2j.JobTemplate");
        Object manager = drmaa2.getMethod("getSessionManager", ClassLoader.class, String.class, Map.class)
                .invoke(null, loader, "local", Map.of("drmaa2j.stateDir", tmp.toString()));
        try {
            Object session = managerType.getMethod("createJobSession", String.class, String.class).invoke(manager, "module-path", null);
            Object builder = templateType.getMethod("builder", String.class).invoke(null, "/bin/sh");
            builder.getClass().getMethod("args", String[].class).invoke(builder, (Object) new String[] {"-c", "exit 3"});
            Object template = builder.getClass().getMethod("build").invoke(builder);
            Object job = sessionType.getMethod("runJob", templateType).invoke(session, template);
            jobType.getMethod("waitTerminated", Duration.class).invoke(job, Duration.ofMinutes(2));
            assertEquals("FAILED", String.valueOf(jobType.getMethod("getState").invoke(job)));
            Object info = jobType.getMethod("getJobInfo").invoke(job);
            assertEquals(3, loader.loadClass("org.drmaa2j.JobInfo").getMethod("getExitStatus").invoke(info));
        } finally {
            managerType.getMethod("close").invoke(manager);
        }
    }

    private static Object call(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
