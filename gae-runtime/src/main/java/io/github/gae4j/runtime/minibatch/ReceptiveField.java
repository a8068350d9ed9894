// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * How many hops an encoder's output at a node reaches, measured, so that any encoder (ours or a plugin's) works in
 * mini-batch mode without declaring anything: the encoder runs (in evaluation mode) on a path 0 – 1 – … – P, once
 * as is and once with the features of node k changed, for each k; its reach is the largest k whose change moves
 * node 0's output. A GCN of L layers reaches L hops; an encoder that mixes all nodes (a batch norm over nodes, a
 * global pooling) moves node 0 from every node and has no finite reach: it cannot be trained on sampled subgraphs.
 */
public final class ReceptiveField {

    /** The farthest reach measured; an encoder that reaches the end of the probe path has no finite reach. */
    public static final int MAX_HOPS = 8;

    private ReceptiveField() {}

    /**
     * The encoder's reach in hops, or empty when it reaches the whole probe path (no finite reach).
     *
     * @param features features of the kind and width the encoder was built for (only their kind and width are
     *                 used: dense or sparse of width d get random dense rows; the identity gets one-hot rows)
     */
    public static OptionalInt measure(Encoder encoder, Features features) {
        int n = MAX_HOPS + 2;
        Graph path = path(n);
        Features base = probeFeatures(features, n, false, -1);
        Matrix reference = output(encoder, path, base);
        int reach = 0;
        for (int k = 1; k < n; k++) {
            Matrix changed = output(encoder, path, probeFeatures(features, n, true, k));
            if (!Arrays.equals(row0(reference), row0(changed))) {
                reach = k;
            }
        }
        return reach == n - 1 ? OptionalInt.empty() : OptionalInt.of(reach);
    }

    /**
     * Checks that {@code fanOut} has one entry per hop the encoder reaches.
     *
     * @param encoderName how the message names the encoder (its plugin name)
     * @throws ConfigException when the lengths differ or the encoder has no finite reach
     */
    public static void requireMatches(FanOut fanOut, Encoder encoder, String encoderName, Features features) {
        OptionalInt reach = measure(encoder, features);
        if (reach.isEmpty()) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Encoder '%s' cannot be trained in mini-batches: its output at a node depends on nodes more"
                            + " than %d hops away (it mixes all nodes, e.g. a batch normalisation over nodes: choose a"
                            + " per-node one such as norm=layer if the encoder offers it), or train it full-batch"
                            + " (leave out --batch-size)",
                    encoderName,
                    MAX_HOPS));
        }
        if (reach.getAsInt() != fanOut.hops()) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "The fan-out %s has %d %s, but encoder '%s' has %d message-passing %s: give one fan-out per"
                            + " layer, e.g. %s",
                    fanOut,
                    fanOut.hops(),
                    fanOut.hops() == 1 ? "entry" : "entries",
                    encoderName,
                    reach.getAsInt(),
                    reach.getAsInt() == 1 ? "layer" : "layers",
                    example(reach.getAsInt())));
        }
    }

    private static String example(int hops) {
        int[] values = {25, 10, 5, 5, 5, 5, 5, 5};
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < hops; k++) {
            out.append(k == 0 ? "" : ",").append(values[Math.min(k, values.length - 1)]);
        }
        return hops == 0 ? "an empty fan-out" : out.toString();
    }

    private static double[] row0(Matrix m) {
        return Arrays.copyOf(m.data(), m.cols());
    }

    private static Matrix output(Encoder encoder, Graph path, Features x) {
        GraphInput input = GraphInput.of(path.withFeatures(x));
        Encoding encoding = encoder.encode(input, Mode.EVAL);
        try (Parallelism single = Parallelism.singleThreaded()) {
            ComputationContext ctx = new ComputationContext(single);
            Variable mu = encoding.mu();
            Matrix out = ctx.forward(mu);
            if (encoding.logStd().isPresent()) {
                Matrix logStd = ctx.forward(encoding.logStd().get());
                Matrix both = Matrix.zeros(out.rows(), out.cols() * 2);
                for (int i = 0; i < out.rows(); i++) {
                    System.arraycopy(out.data(), i * out.cols(), both.data(), i * both.cols(), out.cols());
                    System.arraycopy(
                            logStd.data(), i * out.cols(), both.data(), i * both.cols() + out.cols(), out.cols());
                }
                return both;
            }
            return out;
        }
    }

    private static Graph path(int n) {
        int[] src = new int[n - 1];
        int[] dst = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            src[i] = i;
            dst[i] = i + 1;
        }
        return Graph.builder(n).name("probe-path").edges(src, dst).build();
    }

    /** Probe rows of the encoder's input kind: row {@code changed} altered when {@code alter}. */
    private static Features probeFeatures(Features like, int n, boolean alter, int changed) {
        if (like instanceof Features.Identity identity) {
            if (identity.rows() < n + 1) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "A featureless graph of %d nodes is too small to measure the encoder's reach (%d needed)",
                        identity.rows(),
                        n + 1));
            }
            int[] ptr = new int[n + 1];
            int[] cols = new int[n];
            double[] vals = new double[n];
            for (int i = 0; i < n; i++) {
                ptr[i + 1] = i + 1;
                cols[i] = alter && i == changed ? n : i;
                vals[i] = 1.0;
            }
            return Features.sparse(SparseMatrix.ofCsr(n, identity.rows(), ptr, cols, vals));
        }
        int d = like.dim();
        SplittableRandom random = new SplittableRandom(20_261_207L);
        Matrix x = Matrix.zeros(n, d);
        for (int k = 0; k < x.data().length; k++) {
            x.data()[k] = random.nextDouble();
        }
        if (alter) {
            for (int j = 0; j < d; j++) {
                x.set(changed, j, x.get(changed, j) + 1.0);
            }
        }
        return Features.dense(x);
    }
}
