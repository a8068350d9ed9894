// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

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
 * The {@code npz} dataset loader: a numpy {@code .npz} archive of CSR matrices in the gnn-benchmark layout.
 * Options: {@code path} (required: the {@code .npz} file) and {@code features} ({@code auto}, the default,
 * {@code require} or {@code ignore}; see {@link FeaturePolicy}). The file is checked when the loader runs.
 */
public final class NpzLoaderFactory implements DatasetLoaderFactory {

    public static final String NAME = "npz";
    public static final String PATH = "path";
    public static final String FEATURES = "features";

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.withoutDefault(PATH, "required: the .npz archive"),
            Parameter.of(
                    FEATURES,
                    FeaturePolicy.AUTO.optionValue(),
                    "auto (use readable features, else X = I), require or ignore"));

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
        return "numpy .npz archive of CSR arrays (gnn-benchmark layout: adj_*, attr_*, labels, class_names,"
                + " node_names); options: path, features=auto|require|ignore";
    }

    @Override
    public DatasetLoader create(ComponentConfig config, CreationContext context) {
        ComponentConfig c = config.describedAs("dataset loader '" + NAME + "'");
        c.requireOnly(Parameter.names(PARAMETERS));
        String value = c.getString(PATH)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConfigException(
                        "Option 'path' of dataset loader 'npz' is required: the path of a .npz archive"));
        Path path;
        try {
            path = Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(
                    String.format(
                            Locale.ROOT,
                            "Option 'path' of dataset loader 'npz' must be a file path, got '%s' (%s)",
                            value,
                            e.getMessage()),
                    e);
        }
        FeaturePolicy features = FeaturePolicy.parse(c.getString(FEATURES, FeaturePolicy.AUTO.optionValue()));
        return new NpzLoader(path, features);
    }
}
