// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import org.drmaa2j.Placeholders;

/**
 * The Jinjava filter {@code sh}: one value, or a list joined by spaces, POSIX-quoted. With an
 * argument, {@code sh('VAR')}, the {@code $DRMAA2_INDEX$} placeholder becomes the run-time value
 * of shell variable VAR.
 */
final class ShellQuoteFilter implements Filter {
    @Override
    public String getName() {
        return "sh";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        if (var == null) {
            throw new IllegalArgumentException("the sh filter got an undefined value; guard optional values with {% if %}");
        }
        String variable = args.length > 0 ? args[0] : null;
        List<String> words = new ArrayList<>();
        if (var instanceof Iterable<?> it) {
            for (Object o : it) words.add(String.valueOf(o));
        } else {
            words.add(String.valueOf(var));
        }
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(variable == null ? ShellQuoting.quote(w)
                    : ShellQuoting.quoteWithVariable(w, Placeholders.PARAMETRIC_INDEX, variable));
        }
        return String.join(" ", quoted);
    }
}
