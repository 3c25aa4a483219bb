// SPDX-License-Identifier: Apache-2.0
/** Small helpers drivers share: driver settings, signal names and numbers, session-name rules. */
package org.drmaa2j.spi.util;
