// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code drmaa-native} driver: any DRMAA 1.0 C library ({@code libdrmaa}, OGF GFD.133) loaded
 * with JNA and mapped onto the DRMAA2 model; proven with Grid Engine's library. The module's README
 * describes how to point it at a library and what the JVM needs to load Grid Engine's.
 */
package org.drmaa2j.drmaa1;
