// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j;

/**
 * A machine (a node) as seen by a {@link MonitoringSession}. Numbers a driver cannot learn are 0,
 * objects {@code null}.
 *
 * @param name the machine name usable in {@link JobTemplate#getCandidateMachines()}
 * @param available true when the machine accepts jobs now
 * @param sockets CPU sockets
 * @param coresPerSocket cores per socket
 * @param threadsPerCore hardware threads per core
 * @param load the one-minute load average
 * @param physMemory physical memory in KiB
 * @param virtMemory virtual memory in KiB
 * @param machineOS the operating system
 * @param machineOSVersion the operating system version
 * @param machineArch the processor architecture
 */
public record MachineInfo(String name, boolean available, long sockets, long coresPerSocket,
                          long threadsPerCore, double load, long physMemory, long virtMemory,
                          OperatingSystem machineOS, Version machineOSVersion,
                          CpuArchitecture machineArch) {
}
