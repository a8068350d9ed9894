// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.spi.Parameter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code linqs} dataset loader. Options: {@code path} (required: a directory with one
 * {@code <name>.content(.gz)} and {@code <name>.cites}, or the {@code .content(.gz)} file),
 * {@code dangling} ({@code drop}, the default, or {@code add}), {@code cites} (optional: the
 * citations file, when it is not {@code <name>.cites} next to the content) and {@code directed}
 * ({@code false}, the default, symmetrises the citations; {@code true} keeps each as the edge
 * citing → cited, for directed link prediction). Files are checked when the loader runs, not when
 * it is created.
 */
public final class LinqsLoaderFactory implements DatasetLoaderFactory {

    public static final String NAME = "linqs";
    public static final String PATH = "path";
    public static final String DANGLING = "dangling";
    public static final String CITES = "cites";
    public static final String DIRECTED = "directed";
    public static final boolean DEFAULT_DIRECTED = false;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.withoutDefault(
                    PATH, "required: a directory with <name>.content(.gz) and <name>.cites, or the" + " .content file"),
            Parameter.of(
                    DANGLING,
                    DanglingPolicy.DROP.optionValue(),
                    "citations of papers without content: drop (the LINQS view) or add them as featureless nodes"),
            Parameter.withoutDefault(CITES, "the citations file, when it is not <name>.cites next to the content"),
            Parameter.of(
                    DIRECTED,
                    DEFAULT_DIRECTED,
                    "keep each citation as the edge citing -> cited (false:" + " symmetrise)"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String description() {
        return "LINQS <name>.content(.gz) + <name>.cites (Cora, CiteSeer); options: path, dangling=drop|add, cites,"
                + " directed (citing -> cited)";
    }

    @Override
    public DatasetLoader create(ComponentConfig config, CreationContext context) {
        ComponentConfig c = config.describedAs("dataset loader '" + NAME + "'");
        c.requireOnly(Parameter.names(PARAMETERS));
        String value = c.getString(PATH)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(
                        "Option 'path' of dataset loader 'linqs' is required: a directory containing <name>.content"
                                + " (or .content.gz) and <name>.cites, or the path of the .content file"));
        Path path = toPath(PATH, value);
        DanglingPolicy dangling = DanglingPolicy.parse(c.getString(DANGLING, DanglingPolicy.DROP.optionValue()));
        LinqsLoader loader = new LinqsLoader(path, dangling).withDirected(c.getBoolean(DIRECTED, DEFAULT_DIRECTED));
        String cites = c.getString(CITES).orElse(null);
        if (cites == null) {
            return loader;
        }
        if (cites.isBlank()) {
            throw new ConfigException("Option 'cites' of dataset loader 'linqs' must be the path of a .cites file,"
                    + " got an empty value; leave it out to use <name>.cites next to the .content file");
        }
        return loader.withCites(toPath(CITES, cites));
    }

    private static Path toPath(String option, String value) {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(
                    String.format(
                            Locale.ROOT,
                            "Option '%s' of dataset loader 'linqs' must be a file or directory path, got '%s' (%s)",
                            option,
                            value,
                            e.getMessage()),
                    e);
        }
    }
}
