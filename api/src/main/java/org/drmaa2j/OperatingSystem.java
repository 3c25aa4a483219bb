// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/** The DRMAA2 operating system names. */
public enum OperatingSystem {
    /** IBM AIX. */ AIX,
    /** BSD variants. */ BSD,
    /** Linux. */ LINUX,
    /** HP-UX. */ HPUX,
    /** SGI IRIX. */ IRIX,
    /** Apple macOS. */ MACOS,
    /** Solaris / SunOS. */ SUNOS,
    /** Tru64. */ TRU64,
    /** UnixWare. */ UNIXWARE,
    /** Windows. */ WIN,
    /** Windows NT family. */ WINNT,
    /** Anything else. */ OTHER_OS;

    /**
     * @param osName an operating system name such as {@code System.getProperty("os.name")} or {@code uname -s}
     * @return the matching constant, {@link #OTHER_OS} when none matches
     */
    public static OperatingSystem fromName(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("linux")) return LINUX;
        if (n.contains("mac") || n.contains("darwin")) return MACOS;
        if (n.contains("aix")) return AIX;
        if (n.contains("bsd")) return BSD;
        if (n.contains("hp-ux") || n.contains("hpux")) return HPUX;
        if (n.contains("irix")) return IRIX;
        if (n.contains("sunos") || n.contains("solaris")) return SUNOS;
        if (n.contains("windows nt")) return WINNT;
        if (n.contains("windows")) return WIN;
        return OTHER_OS;
    }
}
