// SPDX-License-Identifier: Apache-2.0
/**
 * Batch scripts from templates: {@link org.drmaa2j.spi.script.ScriptRenderer} renders a driver's
 * Jinjava template, which a site may override, with every user value passed through the {@code sh}
 * filter (POSIX quoting, {@link org.drmaa2j.spi.script.ShellQuoting}) or the {@code directive}
 * filter; {@link org.drmaa2j.spi.script.Ulimits} turns a template's resource limits into
 * {@code ulimit} arguments.
 */
package org.drmaa2j.spi.script;
