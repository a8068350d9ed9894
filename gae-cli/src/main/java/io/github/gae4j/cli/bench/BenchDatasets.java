// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.bench;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The benchmark's graphs, by name: the real ones from a data directory, and a synthetic 1M-node graph. */
final class BenchDatasets {

    /** 1M nodes in 1000 communities of 1000, about 9M edges inside and 1M between: 10M edges, 64 features. */
    static final ComponentSpec SYNTHETIC_1M = ComponentSpec.of(
            "sbm",
            "nodes",
            1_000_000,
            "communities",
            1000,
            "p-in",
            0.018,
            "p-out",
            0.000002,
            "feature-dim",
            64,
            "seed",
            7);

    private BenchDatasets() {}

    /** Fails on a name the benchmark does not know, listing the known ones, before anything runs. */
    static void check(String name) {
        if (!Benchmark.DATASETS.contains(name)) {
            throw unknown(name);
        }
    }

    private static ConfigException unknown(String name) {
        return new ConfigException("Unknown benchmark dataset '" + name + "'; known: " + Benchmark.DATASETS);
    }

    /** The graph, or empty when its files are not under {@code dataDir}. */
    static Optional<Graph> load(String name, Optional<Path> dataDir, ModelAssembler assembler) {
        CreationContext ctx = new CreationContext(0, 0, 0L);
        ComponentSpec spec;
        switch (name) {
            case "synthetic-1m" -> spec = SYNTHETIC_1M;
            case "cora", "citeseer" -> {
                Optional<Path> dir =
                        dataDir.map(d -> d.resolve("linqs").resolve(name)).filter(Files::isDirectory);
                if (dir.isEmpty()) {
                    return Optional.empty();
                }
                spec = ComponentSpec.of("linqs", "path", dir.get());
            }
            case "pubmed" -> {
                // PubMed's TF-IDF features are not available: the featureless Planetoid graph (X = I).
                Optional<Path> dir = dataDir.map(d -> d.resolve("planetoid"))
                        .filter(d -> Files.exists(d.resolve("pubmed_nofeatures.content")));
                if (dir.isEmpty()) {
                    return Optional.empty();
                }
                spec = ComponentSpec.of(
                        "linqs",
                        "path",
                        dir.get().resolve("pubmed_nofeatures.content"),
                        "cites",
                        dir.get().resolve("pubmed.cites"));
            }
            default -> throw unknown(name);
        }
        return Optional.of(assembler.create(ComponentKind.DATASET, spec, ctx).load());
    }
}
