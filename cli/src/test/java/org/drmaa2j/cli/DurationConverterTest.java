// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.drmaa2j.Timeouts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"90, 90", "90s, 90", "10m, 600", "2h, 7200", "1d, 86400", "1:30, 90", "01:00:00, 3600",
        "2-01:00:05, 176405", "PT1H30M, 5400", "pt5s, 5", "0, 0"})
    void convert_seconds(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), converter.convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"infinite", "INF"})
    void convert_infinite(String text) {
        assertEquals(Timeouts.INFINITE, converter.convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1x", "PT-1S", "2-05:00", "99999999999999999999"})
    void convert_bad_throws(String text) {
        assertThrows(TypeConversionException.class, () -> converter.convert(text));
    }
}
