// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.datasets.DatasetFiles;
import io.github.gae4j.runtime.model.ModelAssembler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user's own graph file given to a saved model ({@code gae embed --graph FILE}, {@code gae predict --graph FILE}):
 * read by the loader {@code gae train --dataset FILE} would choose for it (an {@code .npz}, a LINQS {@code .content}
 * with its {@code .cites} or a folder holding them, a SNAP edge list), with the loader options given, features as the
 * file has them (the model's feature use is applied later).
 *
 * @param file    the file or folder, as given
 * @param options loader options ({@code --graph-option KEY=VALUE})
 * @param option  the command-line option that named the file, for messages
 */
public record GraphFile(Path file, Map<String, String> options, String option) {

    public GraphFile {
        Objects.requireNonNull(file, "file is null");
        options = Map.copyOf(options);
        Objects.requireNonNull(option, "option is null");
    }

    /** Fails, naming the file and the option, unless the file exists. */
    public void requireExists() {
        if (!Files.exists(file)) {
            throw new ConfigException(file + ": file not found (" + option + ")");
        }
    }

    /**
     * Loads the graph.
     *
     * @throws ConfigException for a file that does not exist or an unknown loader option
     * @throws io.github.gae4j.core.error.DatasetFormatException for a file of unknown type or that cannot be read
     */
    public Graph load(ModelAssembler assembler) {
        requireExists();
        Path path = file.toAbsolutePath().normalize();
        Map<String, String> loaderOptions = new LinkedHashMap<>();
        loaderOptions.put("path", path.toString());
        loaderOptions.putAll(options);
        return new DatasetOptions.DatasetRef(file.toString(), DatasetFiles.loaderFor(path), loaderOptions, true)
                .load(assembler);
    }
}
