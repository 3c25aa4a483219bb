// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.spi.script;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.interpret.TemplateError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.drmaa2j.InvalidArgumentException;

/**
 * Renders a driver's batch script from a Jinjava template. Every value of the model that came from
 * a user must pass through the {@code sh} filter (POSIX quoting, {@link ShellQuoting}) or the
 * {@code directive} filter (for scheduler directive lines); a template that prints an undefined
 * variable fails instead of printing nothing.
 *
 * <p>Sites override the default template of a driver with the driver property
 * {@value #TEMPLATE_PROPERTY} (one template file) or {@value #TEMPLATE_DIR_PROPERTY} (a directory
 * holding {@code <driver>.sh.j2}).
 */
public final class ScriptRenderer {
    /** Driver property naming a template file that replaces the default. */
    public static final String TEMPLATE_PROPERTY = "drmaa2j.template";
    /** Driver property naming a directory of site templates. */
    public static final String TEMPLATE_DIR_PROPERTY = "drmaa2j.templateDir";

    private final Jinjava jinjava;
    private final String templateName;
    private final Node parsed;

    private ScriptRenderer(String templateName, String template) {
        // Nested interpretation off: a value holding "{{ … }}" or "{% … %}" is text, never a template to run.
        JinjavaConfig config = JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).withTrimBlocks(true)
                .withLstripBlocks(true).withNestedInterpretationEnabled(false).build();
        this.jinjava = new Jinjava(config);
        this.jinjava.getGlobalContext().registerFilter(new ShellQuoteFilter());
        this.jinjava.getGlobalContext().registerFilter(new DirectiveFilter());

        this.templateName = templateName;
        JinjavaInterpreter parser = jinjava.newInterpreter();
        this.parsed = parser.parse(template);
        if (!parser.getErrors().isEmpty()) {
            throw new IllegalStateException("template " + templateName + " does not parse: " + parser.getErrors().stream()
                    .map(TemplateError::getMessage).collect(Collectors.joining("; ")));
        }
    }

    /**
     * @param templateName a name for messages
     * @param templateText the Jinjava template
     * @return a renderer for that template
     */
    public static ScriptRenderer of(String templateName, String templateText) {
        return new ScriptRenderer(templateName, templateText);
    }

    /**
     * Picks the site template when the properties name one, else the driver's default from the class path.
     *
     * @param driverName the driver name, used for {@code <driver>.sh.j2} in a template directory
     * @param defaultResource class-path resource of the driver's default template
     * @param anchor a class of the driver, whose class loader finds the resource
     * @param properties driver properties
     * @return a renderer
     * @throws InvalidArgumentException if a named site template cannot be read
     */
    public static ScriptRenderer forDriver(String driverName, String defaultResource, Class<?> anchor, Map<String, String> properties) {
        String file = properties.get(TEMPLATE_PROPERTY);
        String dir = properties.get(TEMPLATE_DIR_PROPERTY);
        if (file == null && dir != null && Files.isRegularFile(Path.of(dir, driverName + ".sh.j2"))) {
            file = Path.of(dir, driverName + ".sh.j2").toString();
        }
        if (file != null) {
            try {
                return of(file, Files.readString(Path.of(file)));
            } catch (IOException e) {
                throw new InvalidArgumentException(TEMPLATE_PROPERTY, "cannot read site template " + file + ": " + e.getMessage());
            }
        }
        try (InputStream in = anchor.getResourceAsStream(defaultResource)) {
            if (in == null) throw new IllegalStateException("missing default template " + defaultResource);
            return of(defaultResource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders one script. Calls are serialised: Jinjava's contexts share state with the global
     * context they are made from, and concurrent renders corrupt it.
     *
     * @param model the variables the template sees
     * @return the rendered script
     * @throws IllegalStateException if the template is broken or uses an undefined variable
     */
    public synchronized String render(Map<String, ?> model) {
        Context context = new Context(jinjava.getGlobalContext(), model);
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, context, jinjava.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            String out = interpreter.render(parsed, false);
            if (!interpreter.getErrors().isEmpty()) {
                throw new IllegalStateException("template " + templateName + " failed: " + interpreter.getErrors().stream()
                        .map(TemplateError::getMessage).collect(Collectors.joining("; ")));
            }
            return out;
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }
}
