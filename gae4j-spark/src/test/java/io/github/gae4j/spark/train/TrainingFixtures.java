// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.datasets.linqs.LinqsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Graphs the training tests share: a small generated one that always runs, and Cora when it is on disk. */
final class TrainingFixtures {

    private TrainingFixtures() {}

    /** Two communities of {@code n / 2} nodes, denser inside, with 8 random features per node. */
    static Graph small(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        int[] src = new int[n * 4];
        int[] dst = new int[n * 4];
        int m = 0;
        while (m < src.length) {
            int a = random.nextInt(n);
            int b = random.nextDouble() < 0.8 ? (a / (n / 2)) * (n / 2) + random.nextInt(n / 2) : random.nextInt(n);
            if (a == b || !seen.add((long) Math.min(a, b) * n + Math.max(a, b))) {
                continue;
            }
            src[m] = a;
            dst[m++] = b;
        }
        Matrix x = Matrix.zeros(n, 8);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 8; j++) {
                x.set(i, j, random.nextDouble() + (i < n / 2 ? 0.5 * (j % 2) : 0.5 * ((j + 1) % 2)));
            }
        }
        return Graph.builder(n).name("two-communities").edges(src, dst).build().withFeatures(Features.dense(x));
    }

    /** The linqs dataset {@code name} (e.g. cora) from the shared datasets, if its content file is there. */
    static Optional<Graph> linqs(String name) {
        return DataDirectories.find()
                .map(root -> root.resolve("linqs").resolve(name))
                .filter(dir -> Files.isRegularFile(dir.resolve(name + ".content"))
                        || Files.isRegularFile(dir.resolve(name + ".content.gz")))
                .map(TrainingFixtures::load);
    }

    private static Graph load(Path dir) {
        return new LinqsLoader(dir).load();
    }
}
