// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MachineNamesTest {

    @ParameterizedTest
    @CsvSource({
        "Linux, LINUX", "Mac OS X, MACOS", "Darwin, MACOS", "AIX, AIX", "FreeBSD, BSD", "HP-UX, HPUX",
        "IRIX64, IRIX", "SunOS, SUNOS", "Solaris, SUNOS", "Windows NT (unknown), WINNT", "Windows 11, WIN",
        "Plan9, OTHER_OS", "'', OTHER_OS"
    })
    void operatingSystem_fromName(String name, OperatingSystem expected) {
        assertEquals(expected, OperatingSystem.fromName(name));
    }

    @ParameterizedTest
    @CsvSource({
        "amd64, X64", "x86_64, X64", "i686, X86", "x86, X86", "aarch64, ARM64", "ARM64, ARM64",
        "armv7l, ARM", "ppc64le, PPC64LE", "ppc64, PPC64", "powerpc, PPC", "ia64, IA64",
        "sparcv9, SPARC64", "sparc, SPARC", "mips64, MIPS64", "mips, MIPS", "alpha, ALPHA",
        "riscv64, OTHER_CPU", "'', OTHER_CPU"
    })
    void cpuArchitecture_fromName(String name, CpuArchitecture expected) {
        assertEquals(expected, CpuArchitecture.fromName(name));
    }

    @org.junit.jupiter.api.Test
    void fromName_null_other() {
        assertEquals(OperatingSystem.OTHER_OS, OperatingSystem.fromName(null));
        assertEquals(CpuArchitecture.OTHER_CPU, CpuArchitecture.fromName(null));
    }
}
