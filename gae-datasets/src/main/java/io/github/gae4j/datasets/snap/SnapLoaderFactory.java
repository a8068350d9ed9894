// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

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
 * The {@code snap} dataset loader: a SNAP-style edge list. Options: {@code path} (required), {@code directed}
 * (false), {@code ids} (auto|int|string), {@code weights} (ignore|positive|none), {@code comment} ({@code #};
 * empty for none), {@code separator} (auto|whitespace|tab|comma) and {@code header} (false). See
 * {@link SnapLoader} and {@link SnapOptions}. The file is checked when the loader runs.
 */
public final class SnapLoaderFactory implements DatasetLoaderFactory {

    public static final String NAME = "snap";
    public static final String PATH = "path";
    public static final String DIRECTED = "directed";
    public static final String IDS = "ids";
    public static final String WEIGHTS = "weights";
    public static final String COMMENT = "comment";
    public static final String SEPARATOR = "separator";
    public static final String HEADER = "header";

    private static final List<Parameter> PARAMETERS = parameters(SnapOptions.DEFAULTS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    private static List<Parameter> parameters(SnapOptions d) {
        return List.of(
                Parameter.withoutDefault(PATH, "required: the edge-list file (.gz read transparently)"),
                Parameter.of(DIRECTED, d.directed(), "keep each line as the edge from -> to (false: symmetrise)"),
                Parameter.of(IDS, d.ids().optionValue(), "node ids: auto (integers if all parse), int or string"),
                Parameter.of(
                        WEIGHTS,
                        d.weights().optionValue(),
                        "a third column: ignore it, positive (drop lines with weight <= 0) or none (an error)"),
                Parameter.of(COMMENT, d.comment(), "prefix of comment lines; empty for none"),
                Parameter.of(
                        SEPARATOR,
                        d.separator().optionValue(),
                        "auto (comma for .csv, else whitespace), whitespace, tab or comma"),
                Parameter.of(HEADER, d.header(), "skip the first line that is not blank or a comment"));
    }

    @Override
    public String description() {
        return "SNAP-style edge list (<from> <to> [weight], # comments, .gz); options: path, directed,"
                + " ids=auto|int|string, weights=ignore|positive|none, comment, separator=auto|whitespace|tab|comma,"
                + " header";
    }

    @Override
    public DatasetLoader create(ComponentConfig config, CreationContext context) {
        ComponentConfig c = config.describedAs("dataset loader '" + NAME + "'");
        c.requireOnly(Parameter.names(PARAMETERS));
        String value = c.getString(PATH)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(
                        "Option 'path' of dataset loader 'snap' is required: the path of an edge-list file"));
        Path path;
        try {
            path = Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(
                    String.format(
                            Locale.ROOT,
                            "Option 'path' of dataset loader 'snap' must be a file path, got '%s' (%s)",
                            value,
                            e.getMessage()),
                    e);
        }
        SnapOptions d = SnapOptions.DEFAULTS;
        String comment = c.getString(COMMENT, d.comment()).strip();
        if (comment.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException("Option 'comment' of dataset loader 'snap' must be a prefix without whitespace"
                    + " (e.g. # or %), or empty for none; got '" + comment + "'");
        }
        SnapOptions options = new SnapOptions(
                c.getBoolean(DIRECTED, d.directed()),
                IdMode.parse(c.getString(IDS, d.ids().optionValue())),
                WeightPolicy.parse(c.getString(WEIGHTS, d.weights().optionValue())),
                comment,
                Separator.parse(c.getString(SEPARATOR, d.separator().optionValue())),
                c.getBoolean(HEADER, d.header()));
        return new SnapLoader(path, options);
    }
}
