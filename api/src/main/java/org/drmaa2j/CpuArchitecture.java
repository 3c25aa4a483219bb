// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The DRMAA2 processor architecture names, plus ARM64 and PPC64LE. */
public enum CpuArchitecture {
    /** DEC Alpha. */ ALPHA,
    /** 32-bit ARM. */ ARM,
    /** 64-bit ARM (aarch64). */ ARM64,
    /** Cell. */ CELL,
    /** PA-RISC. */ PARISC,
    /** 64-bit PA-RISC. */ PARISC64,
    /** 32-bit x86. */ X86,
    /** 64-bit x86 (amd64). */ X64,
    /** Itanium. */ IA64,
    /** MIPS. */ MIPS,
    /** 64-bit MIPS. */ MIPS64,
    /** PowerPC. */ PPC,
    /** 64-bit PowerPC. */ PPC64,
    /** 64-bit little-endian PowerPC. */ PPC64LE,
    /** SPARC. */ SPARC,
    /** 64-bit SPARC. */ SPARC64,
    /** Anything else. */ OTHER_CPU;

    /**
     * @param arch an architecture name such as {@code System.getProperty("os.arch")} or {@code uname -m}
     * @return the matching constant, {@link #OTHER_CPU} when none matches
     */
    public static CpuArchitecture fromName(String arch) {
        String a = arch == null ? "" : arch.toLowerCase(java.util.Locale.ROOT);
        switch (a) {
            case "amd64": case "x86_64": case "x64": return X64;
            case "x86": case "i386": case "i486": case "i586": case "i686": return X86;
            case "aarch64": case "arm64": return ARM64;
            case "arm": case "armv7l": case "armv6l": return ARM;
            case "ppc64le": return PPC64LE;
            case "ppc64": return PPC64;
            case "ppc": case "powerpc": return PPC;
            case "ia64": return IA64;
            case "sparcv9": case "sparc64": return SPARC64;
            case "sparc": return SPARC;
            case "mips64": return MIPS64;
            case "mips": return MIPS;
            case "alpha": return ALPHA;
            default: return OTHER_CPU;
        }
    }
}
