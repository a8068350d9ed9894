// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gae plugins}: every discovered component, by kind, with its plugin and options. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = {
            "Lists every encoder, sampler, decoder, loss, dataset loader, corruption and optimizer found on"
                    + " the class path"
                    + " (through java.util.ServiceLoader), with the plugin that provides it and its options: each as"
                    + " name=default (just name when it has no default) and a line of help.",
            "Add a plugin jar with: java -cp gae.jar:my-plugin.jar io.github.gae4j.cli.GaeCommand plugins"
        })
final class PluginsCommand implements Callable<Integer> {

    /** Where descriptions and options start: under the plugin column. */
    private static final String INDENT = " ".repeat(25);

    /** Longer {@code name=default}s get their help on the next line. */
    private static final int MAX_OPTION_WIDTH = 28;

    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Inject
    PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("plugins:");
        for (GaePlugin p : registry.plugins()) {
            out.printf(Locale.ROOT, "  %-24s SPI %-5s %s%n", p.name(), p.spiVersion(), origin(p));
        }
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            Map<String, ? extends ComponentFactory<?>> factories = registry.factories(kind);
            out.println();
            out.printf(Locale.ROOT, "%s (%d):%n", plural(kind.label()), factories.size());
            for (Map.Entry<String, ? extends ComponentFactory<?>> e : factories.entrySet()) {
                ComponentFactory<?> f = e.getValue();
                List<Parameter> parameters = f.parameters();
                out.printf(
                        Locale.ROOT,
                        "  %-22s %-20s %s%n",
                        e.getKey(),
                        "[" + registry.pluginOf(kind, e.getKey()).name() + "]",
                        parameters.isEmpty() ? "no options" : "options:");
                if (!f.description().isBlank()) {
                    out.printf(Locale.ROOT, "%s%s%n", INDENT, f.description());
                }
                printOptions(out, parameters);
            }
        }
        out.flush();
        return GaeCommand.OK;
    }

    /** One line per option, {@code name=default} (or {@code name} when it has none) then its help, aligned. */
    static void printOptions(PrintWriter out, List<Parameter> parameters) {
        int width = 1;
        for (Parameter p : parameters) {
            if (option(p).length() <= MAX_OPTION_WIDTH) {
                width = Math.max(width, option(p).length());
            }
        }
        for (Parameter p : parameters) {
            String option = option(p);
            if (p.help().isBlank()) {
                out.printf(Locale.ROOT, "%s  %s%n", INDENT, option);
            } else if (option.length() > width) {
                out.printf(Locale.ROOT, "%s  %s%n%s  %" + width + "s  %s%n", INDENT, option, INDENT, "", p.help());
            } else {
                out.printf(Locale.ROOT, "%s  %-" + width + "s  %s%n", INDENT, option, p.help());
            }
        }
    }

    /** {@code name=default}, or {@code name} for an option without a default. */
    static String option(Parameter p) {
        return p.hasDefault() ? p.name() + "=" + p.defaultValue() : p.name();
    }

    private static String plural(String label) {
        return label.endsWith("s") ? label + "es" : label + "s";
    }

    /** The jar (or classes folder) a plugin came from, so duplicates and stale jars are easy to spot. */
    private static String origin(GaePlugin p) {
        CodeSource source = p.getClass().getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null) {
            return "";
        }
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
    }
}
