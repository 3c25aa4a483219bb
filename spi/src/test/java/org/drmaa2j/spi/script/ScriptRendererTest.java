// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drmaa2j.spi.exec.Command;
import org.drmaa2j.spi.exec.CommandResult;
import org.drmaa2j.spi.exec.LocalCommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRendererTest {
    private static final List<String> HOSTILE = List.of("plain", "two words", "it's", "\"dq\"", "$HOME", "`touch /tmp/pwned`",
            "$(id)", "line1\nline2", "tab\there", "ünïcødé ✓", "", "--flag=x", "\\", "!", "*", "a;b|c&d>e<f", "dos\r\nline", "\r", "end\r");

    @Test
    void shFilter_roundTripsEveryValueThroughARealShell(@TempDir Path dir) throws Exception {
        ScriptRenderer r = ScriptRenderer.of("t", "#!/bin/sh\nfor a in {{ args | sh }}; do printf '%s\\0' \"$a\"; done\n");
        String script = r.render(Map.of("args", HOSTILE));
        Path file = dir.resolve("s.sh");
        Files.writeString(file, script);
        assertTrue(!script.contains("\r"), "no raw carriage return in the script");
        assertTrue(!script.contains("$'"), "no bash-only $'...' quoting: " + script);
        // POSIX sh (dash where /bin/sh is dash, as on Debian) and bash read the words the same way
        for (String shell : List.of("/bin/sh", "/bin/bash")) {
            CommandResult out = new LocalCommandRunner().run(Command.of(shell, file.toString()));
            assertEquals(0, out.exitCode(), shell + ": " + out.stderr());
            String[] got = out.stdout().split("\0", -1);
            assertEquals(HOSTILE, List.of(got).subList(0, got.length - 1), shell);
        }
    }

    @Test
    void quote_carriageReturnsArePosix() {
        assertEquals("'dos'\"$(printf '\\r')\"'\nline'", ShellQuoting.quote("dos\r\nline"));
        assertEquals("\"$(printf '\\r\\r')\"", ShellQuoting.quote("\r\r"));
        assertEquals("'a b'\"$(printf '\\r')\"", ShellQuoting.quote("a b\r"));
    }

    @Test
    void templateSyntaxInAValue_isText_neverInterpreted() {
        ScriptRenderer r = ScriptRenderer.of("t", "echo {{ v | sh }}\n");
        for (String v : List.of("{{ 7*7 }}", "{% raw %}x", "{{ '$(touch /tmp/x)' }}", "{% for i in range(3) %}{{ i }}{% endfor %}", "{#")) {
            assertEquals("echo " + ShellQuoting.quote(v) + "\n", r.render(java.util.Map.of("v", v)), v);
        }
    }

    @Test
    void quote_leavesPlainWordsReadable() {
        assertEquals("abc-1.2/x", ShellQuoting.quote("abc-1.2/x"));
        assertEquals("'it'\\''s'", ShellQuoting.quote("it's"));
        assertEquals("''", ShellQuoting.quote(""));
        assertThrows(IllegalArgumentException.class, () -> ShellQuoting.quote("a\0b"));
    }

    @Test
    void render_failsOnUndefinedVariable() {
        ScriptRenderer r = ScriptRenderer.of("t", "echo {{ missing | sh }}\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> r.render(Map.of()));
        assertTrue(e.getMessage().contains("undefined"), e.getMessage());
    }

    @Test
    void directiveFilter_refusesLineBreaks() {
        ScriptRenderer r = ScriptRenderer.of("t", "#SBATCH --job-name={{ name | directive }}\n");
        assertEquals("#SBATCH --job-name=ok name\n", r.render(Map.of("name", "ok name")));
        assertThrows(RuntimeException.class, () -> r.render(Map.of("name", "bad\n#SBATCH --uid=0")));
    }

    @Test
    void forDriver_prefersSiteTemplateDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("demo.sh.j2"), "site {{ x | sh }}", StandardCharsets.UTF_8);
        ScriptRenderer r = ScriptRenderer.forDriver("demo", "/nonexistent.j2", getClass(), Map.of(ScriptRenderer.TEMPLATE_DIR_PROPERTY, dir.toString()));
        assertEquals("site 'a b'", r.render(Map.of("x", "a b")));
    }

    @Test
    void shFilterWithVariable_substitutesTheIndexAtRunTime(@TempDir Path dir) throws Exception {
        ScriptRenderer r = ScriptRenderer.of("t", "#!/bin/sh\nIDX=7\nfor a in {{ args | sh('IDX') }}; do printf '%s\\0' \"$a\"; done\n");
        Path file = dir.resolve("s.sh");
        Files.writeString(file, r.render(Map.of("args", List.of("in_$DRMAA2_INDEX$.txt", "$DRMAA2_INDEX$", "it's $DRMAA2_INDEX$!", "none"))));
        CommandResult out = new LocalCommandRunner().run(Command.of("/bin/sh", file.toString()));
        assertEquals("in_7.txt\u00007\u0000it's 7!\u0000none\u0000", out.stdout());
    }

    @Test
    void render_isSafeFromManyThreadsAtOnce() throws Exception {
        ScriptRenderer r = ScriptRenderer.of("t", "{% for e in env %}{% if e.name %}export {{ e.name }}={{ e.value | sh }}\n{% endif %}{% endfor %}"
                + "{% for l in env %}{% endfor %}{% for l in args %}{% endfor %}{% if args %}{{ cmd | sh }} {{ args | sh('I') }}\n{% endif %}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> out = new java.util.ArrayList<>();
            for (int i = 0; i < 20000; i++) {
                String v = "v" + i;
                out.add(pool.submit(() -> r.render(Map.of("env", List.of(Map.of("name", "X", "value", v)), "cmd", "/bin/true", "args", List.of(v)))));
            }
            for (int i = 0; i < 20000; i++) assertEquals("export X=v" + i + "\n/bin/true v" + i + "\n", out.get(i).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
