// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FluxIdsTest {
    @Test
    void f58_matchesEveryIdFluxPrintedInBothEncodings() {
        // flux jobs -o "{id} {id.f58} {id.dec} …" in the real transcript: F58 and decimal side by side
        FluxSamples.Step step = FluxSamples.steps(FluxSamples.transcript("flux088_real_instance_transcript.txt"),
                "flux jobs -a -n -o \\{id\\}").get(0);
        int checked = 0;
        for (String line : step.stdout().split("\n")) {
            String[] f = line.split(" ");
            long dec = Long.parseLong(f[2]);
            assertEquals(dec, FluxIds.parse(f[0]));
            assertEquals("f" + f[1].substring(1), FluxIds.toF58(dec));
            checked++;
        }
        assertEquals(5, checked);
        assertEquals("fC6RdJf", FluxIds.toF58(7281311744L));
        assertEquals("fT5CNSj", FluxIds.toF58(17112760320L));
    }

    @Test
    void parse_flux_job_id_toDec() {
        FluxSamples.Step s = FluxSamples.steps(FluxSamples.transcript("flux088_real_instance_transcript.txt"), "flux job id --to=dec").get(0);
        assertEquals(Long.parseLong(s.stdout().strip()), FluxIds.parse("\u0192T5CNSj"));
        assertEquals(17112760320L, FluxIds.parse("fT5CNSj"));
        assertEquals(17112760320L, FluxIds.parse("17112760320"));
    }

    @Test
    void submitted_readsUnicodeAsciiAndCcOutput() {
        List<FluxSamples.Step> t = FluxSamples.transcript("flux088_real_instance_transcript.txt");
        assertEquals(List.of("fC6RdJf"), FluxIds.submitted(FluxSamples.steps(t, "flux submit --urgency=hold").get(0).stdout()));
        assertEquals(List.of("friYv7h", "friYv7i", "frk2uQ3"), FluxIds.submitted(FluxSamples.steps(t, "flux submit --cc=1-3").get(0).stdout()));
        assertEquals(List.of("f2MaLwH1"), FluxIds.submitted(FluxSamples.steps(t, "env LC_ALL=C.UTF-8 flux submit").get(0).stdout()));
        // the external-URI capture: one id printed with FLUX_F58_FORCE_ASCII=1, one without
        String ext = FluxSamples.read("flux088_external_uri_ascii.txt");
        assertTrue(ext.contains("\nf3GMoND5\n") && ext.contains("\n\u01923N4Qc3y\n"));
        assertEquals(List.of("f3GMoND5", "f3N4Qc3y"), FluxIds.submitted("f3GMoND5\n\u01923N4Qc3y\n"));
    }

    @Test
    void jobListIdsEncode_asTheFixturesShowThem() {
        // fluxdocs' ASCII ids and the dependency ids in the job-list fixture round-trip
        for (String id : List.of("f2TRHV5mR", "f2SLdmS4F", "f2RYByw1h", "f2ARxLQf", "f2RsQrcw", "f6upwy2MY3", "fWZEQa8X")) {
            assertEquals(id, FluxIds.toF58(FluxIds.parse(id)));
        }
        assertEquals("f1", FluxIds.toF58(0));
        assertEquals(-1L, FluxIds.parse(FluxIds.toF58(-1L)), "the whole unsigned 64-bit range");
    }

    @Test
    void parse_rejectsWhatIsNoJobId() {
        for (String bad : List.of("", "f", "f0", "fOIl", "ƒ", "abc", "12a", "fzzzzzzzzzzzz", "99999999999999999999999")) {
            assertThrows(IllegalArgumentException.class, () -> FluxIds.parse(bad), bad);
            assertTrue(FluxIds.normalise(bad).isEmpty(), bad);
        }
    }
}
