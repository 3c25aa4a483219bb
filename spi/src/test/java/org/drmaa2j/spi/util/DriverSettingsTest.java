// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drmaa2j.InvalidArgumentException;
import org.drmaa2j.spi.backend.CliRunners;
import org.drmaa2j.spi.exec.RetryPolicy;
import org.drmaa2j.spi.exec.ssh.SshOptions;
import org.drmaa2j.spi.script.ScriptRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DriverSettingsTest {

    private static DriverSettings of(String key, String value) {
        return new DriverSettings("t", Map.of(key, value), Set.of(key));
    }

    private static void refused(String key, String messagePart, Executable e) {
        InvalidArgumentException x = assertThrows(InvalidArgumentException.class, e);
        assertEquals(key, x.getField(), x.getMessage());
        assertTrue(x.getMessage().contains(messagePart), x.getMessage());
    }

    @Test
    void typedGetters_goodValues() {
        assertEquals(7, of("drmaa2j.t.n", " 7 ").getInt("drmaa2j.t.n", 1, 0));
        assertEquals(1, of("drmaa2j.t.other", "x").getInt("drmaa2j.t.n", 1, 0), "unset: the default");
        assertEquals(5_000_000_000L, of("drmaa2j.t.n", "5000000000").getLong("drmaa2j.t.n", 1, 0));
        assertTrue(of("drmaa2j.t.b", "YES").getBoolean("drmaa2j.t.b", false));
        assertFalse(of("drmaa2j.t.b", "false").getBoolean("drmaa2j.t.b", true));
        assertEquals(Duration.ofMillis(250), of("drmaa2j.t.ms", "250").millis("drmaa2j.t.ms", Duration.ZERO));
        assertEquals(Path.of("/a/b"), of("drmaa2j.t.p", "/a/b").getPath("drmaa2j.t.p").orElseThrow());
        assertEquals(List.of("a", "b"), of("drmaa2j.t.l", " a, ,b ").getList("drmaa2j.t.l"));
        assertEquals(TimeUnit.MILLISECONDS, of("drmaa2j.t.e", "milliseconds").getEnum("drmaa2j.t.e", TimeUnit.class, TimeUnit.DAYS));
        assertEquals(ZoneId.of("Europe/Berlin"), of("drmaa2j.t.z", "Europe/Berlin").getZone("drmaa2j.t.z", ZoneId.of("UTC")));
        assertEquals("v", of("drmaa2j.t.s", "v").getString("drmaa2j.t.s", "d"));
    }

    @Test
    void typedGetters_badValues_nameTheKey() {
        refused("drmaa2j.t.n", "whole number of at least 0 (was 'seven')", () -> of("drmaa2j.t.n", "seven").getInt("drmaa2j.t.n", 1, 0));
        refused("drmaa2j.t.n", "at least 2 (was '1')", () -> of("drmaa2j.t.n", "1").getInt("drmaa2j.t.n", 8, 2));
        refused("drmaa2j.t.n", "at most", () -> of("drmaa2j.t.n", "5000000000").getInt("drmaa2j.t.n", 1, 0));
        refused("drmaa2j.t.b", "true or false (was 'maybe')", () -> of("drmaa2j.t.b", "maybe").getBoolean("drmaa2j.t.b", true));
        refused("drmaa2j.t.ms", "positive number of milliseconds", () -> of("drmaa2j.t.ms", "0").millis("drmaa2j.t.ms", Duration.ZERO));
        refused("drmaa2j.t.e", "one of nanoseconds, microseconds", () -> of("drmaa2j.t.e", "fortnights").getEnum("drmaa2j.t.e", TimeUnit.class, null));
        refused("drmaa2j.t.z", "time zone", () -> of("drmaa2j.t.z", "Mars/Olympus").getZone("drmaa2j.t.z", null));
        refused("drmaa2j.t.p", "not a valid path", () -> of("drmaa2j.t.p", "a\0b").getPath("drmaa2j.t.p"));
    }

    @Test
    void sharedSettings_badValues_nameTheKey() {
        refused(RetryPolicy.ATTEMPTS, "at least 1", () -> RetryPolicy.fromProperties(Map.of(RetryPolicy.ATTEMPTS, "0")));
        refused(RetryPolicy.BUDGET_MS, "(was '1m')", () -> RetryPolicy.fromProperties(Map.of(RetryPolicy.BUDGET_MS, "1m")));
        refused(SshOptions.MAX_CHANNELS, "at least 2", () -> SshOptions.from(new DriverSettings("t", Map.of(SshOptions.MAX_CHANNELS, "1"))));
        refused(SshOptions.STRICT_HOST_KEY_CHECKING, "true or false",
                () -> SshOptions.from(new DriverSettings("t", Map.of(SshOptions.STRICT_HOST_KEY_CHECKING, "off"))));
        assertEquals(3, RetryPolicy.fromProperties(Map.of(RetryPolicy.ATTEMPTS, "3")).maxAttempts());
    }

    @Test
    void unknownKeys_warnedOncePerDriverAndKey() {
        Map<String, String> p = Map.of("drmaa2j.t1.knwon", "x", "drmaa2j.stateDir", "/s", "drmaa2j.t1.known", "y",
                "drmaa2j.pbs.dialect", "torque", "not.ours", "z");
        DriverSettings first = new DriverSettings("t1", p, Set.of("drmaa2j.t1.known"));
        assertEquals(Set.of("drmaa2j.t1.knwon", "drmaa2j.pbs.dialect"), first.unknownKeys(Set.of("drmaa2j.t1.known")));
        assertEquals(Set.of(), first.warnUnknown(Set.of("drmaa2j.t1.known")), "warned when created, not again");
        assertEquals(Set.of(), new DriverSettings("t1", p, Set.of("drmaa2j.t1.known")).warnUnknown(Set.of("drmaa2j.t1.known")));
        DriverSettings other = new DriverSettings("t2", Map.of(), Set.of());
        assertEquals(Set.of(), other.warnUnknown(Set.of()));
    }

    @Test
    void undeclaredDriverKeys_ownPrefixAccepted() {
        DriverSettings s = new DriverSettings("t3", Map.of("drmaa2j.t3.anything", "1", "drmaa2j.t4.thing", "2"));
        assertEquals(Set.of("drmaa2j.t4.thing"), s.unknownKeys(null));
    }

    /** Every drmaa2j.* key the kit itself reads is a shared key, so none is ever warned about. */
    @Test
    void sharedKeys_coverTheKitsOwnKeys() throws Exception {
        for (Class<?> c : List.of(DriverSettings.class, RetryPolicy.class, SshOptions.class, CliRunners.class, ScriptRenderer.class,
                Class.forName("org.drmaa2j.spi.session.SubmissionReconciler"), Class.forName("org.drmaa2j.spi.exec.PosixSpawn"))) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() != String.class || !Modifier.isStatic(f.getModifiers()) || !Modifier.isFinal(f.getModifiers())) continue;
                f.setAccessible(true);
                String v = (String) f.get(null);
                if (v != null && v.startsWith("drmaa2j.") && !v.endsWith(".")) {
                    assertTrue(DriverSettings.SHARED_KEYS.contains(v), () -> c.getSimpleName() + "." + f.getName() + " = " + v);
                }
            }
        }
    }
}
