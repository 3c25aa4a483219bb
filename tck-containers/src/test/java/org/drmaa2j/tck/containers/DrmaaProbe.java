// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

/**
 * Run inside the Grid Engine container with Grid Engine's Java binding on the class path:
 * opens a DRMAA 1.0 session (which loads libdrmaa into this JVM) and prints the DRM system.
 * Reflection keeps the binding out of the build.
 */
public final class DrmaaProbe {

    private DrmaaProbe() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Object factory = Class.forName("org.ggf.drmaa.SessionFactory").getMethod("getFactory").invoke(null);
        Object session = factory.getClass().getMethod("getSession").invoke(factory);
        Class<?> sessionType = Class.forName("org.ggf.drmaa.Session");
        sessionType.getMethod("init", String.class).invoke(session, (Object) null);
        System.out.println("drm system: " + sessionType.getMethod("getDrmSystem").invoke(session));
        sessionType.getMethod("exit").invoke(session);
    }
}
