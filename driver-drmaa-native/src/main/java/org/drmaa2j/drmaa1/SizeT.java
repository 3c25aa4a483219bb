// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.drmaa1;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;

/** C {@code size_t}: unsigned, as wide as a pointer on the platform. */
public final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    /** Zero, as JNA needs for return values. */
    public SizeT() {
        this(0);
    }

    /** @param value the value */
    public SizeT(long value) {
        super(Native.SIZE_T_SIZE, value, true);
    }
}
