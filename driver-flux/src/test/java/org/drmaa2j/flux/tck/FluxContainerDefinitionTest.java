// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drmaa2j.tck.containers.FluxContainer;
import org.junit.jupiter.api.Test;

/**
 * The Flux image definition in the tck-containers jar agrees with {@link FluxContainer} and
 * {@link FluxTckEnvironment}; building it needs a registry, reading it does not.
 */
class FluxContainerDefinitionTest {
    private static final String ROOT = "org/drmaa2j/tck/docker/";

    private static String resource(String name) throws IOException {
        try (InputStream in = FluxContainerDefinitionTest.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            assertNotNull(in, "missing in the tck-containers jar: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dockerfile_startsFromFluxSched_andEveryCopiedFileIsThere() throws IOException {
        String dockerfile = resource("flux/Dockerfile");
        assertTrue(dockerfile.contains("\nFROM " + FluxContainer.BASE_IMAGE + "\n"), dockerfile);
        assertTrue(dockerfile.contains("FLUX_URI=" + FluxContainer.FLUX_URI));
        Matcher copy = Pattern.compile("(?m)^COPY (.+) \\S+$").matcher(dockerfile);
        int files = 0;
        while (copy.find()) {
            for (String src : copy.group(1).split(" ")) {
                resource(src);
                files++;
            }
        }
        assertEquals(4, files);
    }

    @Test
    void entrypoint_runsTheInstanceAsTheTestUser_andSaysWhenReady() throws IOException {
        String entrypoint = resource("flux/entrypoint.sh");
        assertTrue(entrypoint.contains("echo \"" + FluxContainer.READY_LINE));
        assertTrue(entrypoint.contains("runuser -u drmaa -- env -u FLUX_URI HOME=/home/drmaa flux start -Srundir=/run/flux"));
        // flux-core's broker names its socket local://RUNDIR/local-RANK unless local-uri is given:
        // the instance must listen where FLUX_URI (image, docker exec, SSH logins) points
        assertTrue(entrypoint.contains("-Slocal-uri=\"$FLUX_URI\""), entrypoint);
        assertTrue(resource("flux/Dockerfile").contains("ENV DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 FLUX_URI=" + FluxContainer.FLUX_URI + "\n"));
        assertTrue(FluxContainer.FLUX_URI.startsWith("local:///run/flux/"), "the socket is in the instance's rundir");
        assertEquals("flux-container", new FluxTckEnvironment().name());
    }
}
