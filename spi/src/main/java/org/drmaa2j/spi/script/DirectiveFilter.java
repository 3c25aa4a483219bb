// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * The Jinjava filter {@code directive}: a value on a scheduler directive line such as
 * {@code #SBATCH --job-name=…}. Such lines are read by the scheduler, not by a shell, and end at the
 * line break, so a value with a line break or NUL is refused; drivers check and name the field
 * before rendering, this is the last guard.
 */
final class DirectiveFilter implements Filter {
    @Override
    public String getName() {
        return "directive";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        String s = String.valueOf(var);
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a directive value cannot contain a line break or NUL");
        }
        return s;
    }
}
