// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drmaa2j.tck.Assertion;
import org.drmaa2j.tck.SpecSections;
import org.junit.jupiter.api.Test;

/** The suite's own rules: every test carries a unique assertion id and is named operation_condition. */
class SuiteShapeTest {

    private static List<Method> tckTests() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(JobTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(JobTest.class.getPackageName().replace('.', '/'));
        List<Method> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("[A-Za-z]+Test\\.class")).toList()) {
                Class<?> c = Class.forName(JobTest.class.getPackageName() + "." + p.getFileName().toString().replace(".class", ""));
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Test.class)) out.add(m);
                }
            }
        }
        return out;
    }

    @Test
    void everyTest_hasUniqueAssertionId() throws Exception {
        Map<String, String> seen = new HashMap<>();
        List<Method> tests = tckTests();
        for (Method m : tests) {
            Assertion a = m.getAnnotation(Assertion.class);
            assertNotNull(a, () -> m + " has no @Assertion");
            assertTrue(a.id().matches("[A-Z]+-\\d+"), () -> "bad id " + a.id());
            assertTrue(!a.value().isBlank());
            assertTrue(SpecSections.ALL.contains(a.section()), () -> a.id() + " names section '" + a.section() + "', not one of " + SpecSections.ALL);
            String before = seen.put(a.id(), m.getDeclaringClass().getSimpleName() + "." + m.getName());
            assertEquals(null, before, () -> a.id() + " is used twice");
        }
        assertTrue(tests.size() >= 120, () -> "only " + tests.size() + " assertions");
    }

    @Test
    void everyTest_isNamedOperationCondition() throws Exception {
        for (Method m : tckTests()) {
            assertTrue(m.getName().matches("[a-z][A-Za-z]*_[a-z0-9][A-Za-z0-9]*"), () -> m.getName() + " is not operation_condition");
        }
    }
}
