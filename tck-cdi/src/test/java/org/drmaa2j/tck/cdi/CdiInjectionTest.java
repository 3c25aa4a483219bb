// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.ServiceLoader;
import org.drmaa2j.tck.SessionManagerInjection;
import org.junit.jupiter.api.Test;

class CdiInjectionTest {
    @Test
    void theJarRegistersTheCdiInjection() {
        List<String> found = ServiceLoader.load(SessionManagerInjection.class).stream()
                .map(p -> p.get().getClass().getName() + "=" + p.get().name()).toList();
        assertEquals(List.of(CdiInjection.class.getName() + "=cdi"), found);
    }
}
