// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
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

    /**
     * PubMed's graph (Planetoid's {@code pubmed.cites}), without features: the shared copy has none
     * ({@code pubmed_nofeatures.content}); {@link #withAdjacencySketch} gives each split's training graph some.
     */
    static Optional<Graph> pubmed() {
        return DataDirectories.find()
                .map(root -> root.resolve("planetoid"))
                .filter(dir -> Files.isRegularFile(dir.resolve("pubmed_nofeatures.content"))
                        && Files.isRegularFile(dir.resolve("pubmed.cites")))
                .map(dir -> new LinqsLoader(dir.resolve("pubmed_nofeatures.content"))
                        .withCites(dir.resolve("pubmed.cites"))
                        .load());
    }

    /**
     * {@code split} with its training graph's features replaced by a sketch of the training adjacency: row i is
     * node i's random vector plus its training neighbours' (64 seeded standard-normal columns), scaled to unit
     * length. Only training edges go in, so held-out edges do not leak; nodes that share neighbours get similar
     * rows, which gives a featureless graph something a GCN can learn links from.
     */
    static LinkSplit withAdjacencySketch(LinkSplit split, long seed) {
        Graph train = split.trainGraph();
        int n = train.nodeCount();
        int width = 64;
        SplittableRandom random = new SplittableRandom(seed);
        double[] r = new double[n * width];
        for (int k = 0; k < r.length; k++) {
            r[k] = gaussian(random);
        }
        SparseMatrix a = train.adjacency();
        Matrix x = Matrix.zeros(n, width);
        for (int i = 0; i < n; i++) {
            double[] row = new double[width];
            System.arraycopy(r, i * width, row, 0, width);
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                int j = a.colAt(p);
                for (int c = 0; c < width; c++) {
                    row[c] += r[j * width + c];
                }
            }
            double norm = 0;
            for (double v : row) {
                norm += v * v;
            }
            double scale = 1 / Math.sqrt(norm);
            for (int c = 0; c < width; c++) {
                x.set(i, c, row[c] * scale);
            }
        }
        return split.withTrainGraph(train.withFeatures(Features.dense(x)));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static Graph load(Path dir) {
        return new LinqsLoader(dir).load();
    }
}
