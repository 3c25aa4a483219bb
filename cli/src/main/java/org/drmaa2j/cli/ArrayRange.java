// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The index range of a bulk submission, {@code BEGIN-END[:STEP]} (for example {@code 1-100} or
 * {@code 0-90:10}); each task sees its index as {@code $DRMAA2_INDEX$} in paths and arguments.
 *
 * @param begin the first index, at least 1
 * @param end the last index, not below begin
 * @param step the distance between indices, at least 1
 */
record ArrayRange(long begin, long end, long step) {
    /** Converts the option value. */
    static final class Converter implements ITypeConverter<ArrayRange> {
        @Override
        public ArrayRange convert(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})-(\\d{1,9})(?::(\\d{1,9}))?").matcher(value.trim());
            if (!m.matches()) throw new TypeConversionException("'" + value + "' is not BEGIN-END[:STEP], e.g. 1-100 or 1-100:2");
            long begin = Long.parseLong(m.group(1));
            long end = Long.parseLong(m.group(2));
            long step = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
            if (begin < 1 || end < begin || step < 1) {
                throw new TypeConversionException("'" + value + "': need 1 <= BEGIN <= END and STEP >= 1");
            }
            return new ArrayRange(begin, end, step);
        }
    }
}
