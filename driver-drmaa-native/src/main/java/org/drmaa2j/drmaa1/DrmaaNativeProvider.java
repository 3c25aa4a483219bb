// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import java.time.ZoneId;
import java.util.Map;
import org.drmaa2j.provider.Drmaa2Provider;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.SessionManager;
import org.drmaa2j.spi.session.GenericSessionManager;
import org.drmaa2j.spi.util.DriverSettings;

/**
 * The driver {@code drmaa-native}: any DRMAA 1.0 C library (libdrmaa) through JNA. The library is
 * found with {@value DrmaaLibraryLocator#LIBRARY_PROPERTY} or {@value DrmaaLibraryLocator#LIBRARY_ENV}.
 * The contact string of a session is passed to {@code drmaa_init}; DRMAA 1.0 allows one session per
 * process, so every session of the process must use the same contact. Driver properties:
 * <ul>
 *   <li>{@value #DIALECT_PROPERTY}: {@code gridengine}, {@code plain} or a {@link NativeSpecDialect}
 *       class name; by default chosen from {@code drmaa_get_DRM_system}</li>
 *   <li>{@value #PARALLEL_ENVIRONMENT_PROPERTY}: the Grid Engine parallel environment for jobs of
 *       more than one slot</li>
 *   <li>{@value GridEngineCompanion#COMPANION_PROPERTY}: {@code auto} (default: with a Grid Engine
 *       library whose {@code qstat} and {@code qacct} are on the path), {@code gridengine} or
 *       {@code none}; Grid Engine's tools report the queue and host of jobs, which DRMAA 1.0 does not</li>
 *   <li>{@value GridEngineCompanion#ACCOUNTING_WAIT_PROPERTY}: how long to wait for an ended job's
 *       accounting record, default 30000</li>
 * </ul>
 */
public final class DrmaaNativeProvider implements Drmaa2Provider {
    /** Driver property: the native specification dialect. */
    public static final String DIALECT_PROPERTY = "drmaa2j.drmaa.dialect";
    /** Driver property: Grid Engine's parallel environment for multi-slot jobs. */
    public static final String PARALLEL_ENVIRONMENT_PROPERTY = "drmaa2j.drmaa.gridengine.pe";

    @Override
    public String getName() {
        return "drmaa-native";
    }

    @Override
    public String getDescription() {
        return "any DRMAA 1.0 C library (libdrmaa) through JNA";
    }

    @Override
    public SessionManager createSessionManager(Map<String, String> properties) {
        Map<String, String> props = properties == null ? Map.of() : Map.copyOf(properties);
        return new GenericSessionManager(getName(), props, java.util.Set.of(DrmaaLibraryLocator.LIBRARY_PROPERTY, DIALECT_PROPERTY,
                PARALLEL_ENVIRONMENT_PROPERTY, GridEngineCompanion.COMPANION_PROPERTY, GridEngineCompanion.ACCOUNTING_WAIT_PROPERTY), context -> {
            DriverSettings settings = context.settings();
            DrmaaLibraryLocator locator = new DrmaaLibraryLocator(settings::get, System::getenv);
            NativeSession session = NativeSession.acquire(locator::load, context.contact());
            GridEngineCompanion companion = GridEngineCompanion.configure(settings, session.drmSystem(), System.getenv("PATH"))
                    .orElse(null);
            return new DrmaaNativeBackend(context, session, dialect(settings, session.drmSystem()), companion);
        });
    }

    /**
     * @param settings the driver settings
     * @param drmSystem what the library says it talks to
     * @return the configured dialect, else Grid Engine's for an SGE-family library, else the plain one
     */
    static NativeSpecDialect dialect(DriverSettings settings, String drmSystem) {
        String pe = settings.get(PARALLEL_ENVIRONMENT_PROPERTY).orElse(null);
        String chosen = settings.get(DIALECT_PROPERTY).orElse(null);
        if (chosen == null) {
            chosen = GridEngineCompanion.isGridEngine(drmSystem) ? "gridengine" : "plain";
        }
        switch (chosen) {
            case "gridengine":
                return new GridEngineDialect(pe, ZoneId.systemDefault());
            case "plain":
                return new PlainDialect();
            default:
                try {
                    Object o = Class.forName(chosen).getConstructor().newInstance();
                    if (o instanceof NativeSpecDialect) return (NativeSpecDialect) o;
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new InvalidArgumentException(DIALECT_PROPERTY, "cannot create '" + chosen + "': " + e);
                }
                throw new InvalidArgumentException(DIALECT_PROPERTY, "'" + chosen + "' is not gridengine, plain or a "
                        + NativeSpecDialect.class.getName());
        }
    }
}
