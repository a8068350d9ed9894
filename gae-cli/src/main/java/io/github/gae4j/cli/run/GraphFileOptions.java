// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --graph-option KEY=VALUE}: the loader options of a {@code --graph FILE} ({@code gae embed}, {@code predict}). */
public final class GraphFileOptions {

    @Option(
            names = "--graph-option",
            paramLabel = "KEY=VALUE",
            description = "An option of the --graph file's loader (as --dataset-option of gae train); repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    public GraphFileOptions() {}

    /** The {@code --graph} file with these options. */
    public GraphFile file(Path file) {
        return new GraphFile(file, options, "--graph");
    }

    /** Whether any {@code --graph-option} was given. */
    public boolean given() {
        return !options.isEmpty();
    }
}
