// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.classification;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.NodeSplit;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The linear-probe evaluation of self-supervised node embeddings (GraphMAE, DGI, MaskGAE): a
 * multinomial logistic regression trained on the frozen embeddings of the training nodes, full
 * batch, with Adam and L2 weight decay; the test accuracy is read at the epoch of the best
 * validation accuracy (ties: the latest). Deterministic for a given seed, which only draws the
 * initial weights.
 *
 * <p>Defaults follow GraphMAE's probe ({@code linear_prob=True}: Adam at lr 0.01, weight decay
 * 1e-4 on Cora, 300 epochs). Embeddings are used as given; pass standardised ones if wanted.
 */
public final class LinearProbe {

    private final int epochs;
    private final double learningRate;
    private final double weightDecay;

    /** GraphMAE's Cora probe: 300 epochs, lr 0.01, weight decay 1e-4. */
    public LinearProbe() {
        this(300, 0.01, 1e-4);
    }

    public LinearProbe(int epochs, double learningRate, double weightDecay) {
        if (epochs < 1 || !(learningRate > 0) || !(weightDecay >= 0)) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Linear probe needs epochs >= 1, lr > 0 and weight decay >= 0, got %d, %s and %s",
                    epochs,
                    learningRate,
                    weightDecay));
        }
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /**
     * Trains on {@code split.train()} and scores every part.
     *
     * @param embeddings one row per node
     * @param labels     class index per node; nodes of the split must have one in [0, classes)
     * @param classes    number of classes
     */
    public ProbeScores evaluate(Matrix embeddings, int[] labels, int classes, NodeSplit split, long seed) {
        int n = embeddings.rows();
        int d = embeddings.cols();
        if (labels.length != n) {
            throw new GaeException(String.format(Locale.ROOT, "%d labels for %d embedded nodes", labels.length, n));
        }
        if (classes < 2) {
            throw new GaeException("A linear probe needs at least 2 classes, got " + classes);
        }
        int[] train = split.train();
        int[] val = split.validation();
        int[] test = split.test();
        for (int[] part : new int[][] {train, val, test}) {
            for (int node : part) {
                if (node >= n || labels[node] < 0 || labels[node] >= classes) {
                    throw new GaeException(String.format(
                            Locale.ROOT,
                            "Node %d of the split is %s",
                            node,
                            node >= n
                                    ? "not embedded (" + n + " nodes)"
                                    : "unlabelled or its label " + labels[node] + " is outside [0, " + classes + ")"));
                }
            }
        }
        double[] x = embeddings.data();
        if (embeddings.firstNonFinite() >= 0) {
            throw new GaeException("Embeddings hold a non-finite value at flat index " + embeddings.firstNonFinite());
        }
        // W is d × classes, b is 1 × classes, packed as one parameter vector for Adam.
        int size = d * classes + classes;
        double[] w = new double[size];
        SplittableRandom random = new SplittableRandom(seed);
        double bound = Math.sqrt(6.0 / (d + classes));
        for (int k = 0; k < d * classes; k++) {
            w[k] = bound * (2 * random.nextDouble() - 1);
        }
        double[] m = new double[size];
        double[] v = new double[size];
        double[] grad = new double[size];
        double[] logits = new double[classes];
        double bestVal = -1;
        double[] best = null;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Arrays.fill(grad, 0);
            for (int node : train) {
                softmax(x, node * d, d, w, classes, logits);
                logits[labels[node]] -= 1; // dCE/dlogit = p − onehot
                for (int c = 0; c < classes; c++) {
                    double g = logits[c] / train.length;
                    for (int f = 0; f < d; f++) {
                        grad[f * classes + c] += g * x[node * d + f];
                    }
                    grad[d * classes + c] += g;
                }
            }
            double b1t = 1 - Math.pow(0.9, epoch);
            double b2t = 1 - Math.pow(0.999, epoch);
            for (int k = 0; k < size; k++) {
                // PyTorch's Adam weight_decay: L2 added to the gradient, biases included.
                double g = grad[k] + weightDecay * w[k];
                m[k] = 0.9 * m[k] + 0.1 * g;
                v[k] = 0.999 * v[k] + 0.001 * g * g;
                w[k] -= learningRate * (m[k] / b1t) / (Math.sqrt(v[k] / b2t) + 1e-8);
            }
            double score = val.length > 0 ? accuracy(x, d, w, classes, labels, val, logits) : epoch;
            if (score >= bestVal) { // ties: the latest epoch, as GraphMAE's probe
                bestVal = score;
                best = w.clone();
                bestEpoch = epoch;
            }
        }
        return new ProbeScores(
                accuracy(x, d, best, classes, labels, train, logits),
                val.length > 0 ? bestVal : Double.NaN,
                accuracy(x, d, best, classes, labels, test, logits),
                bestEpoch);
    }

    private static double accuracy(
            double[] x, int d, double[] w, int classes, int[] labels, int[] nodes, double[] logits) {
        int right = 0;
        for (int node : nodes) {
            logits(x, node * d, d, w, classes, logits);
            int arg = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[c] > logits[arg]) {
                    arg = c;
                }
            }
            right += arg == labels[node] ? 1 : 0;
        }
        return (double) right / nodes.length;
    }

    private static void logits(double[] x, int offset, int d, double[] w, int classes, double[] out) {
        for (int c = 0; c < classes; c++) {
            out[c] = w[d * classes + c];
        }
        for (int f = 0; f < d; f++) {
            double xf = x[offset + f];
            if (xf != 0) {
                for (int c = 0; c < classes; c++) {
                    out[c] += xf * w[f * classes + c];
                }
            }
        }
    }

    private static void softmax(double[] x, int offset, int d, double[] w, int classes, double[] out) {
        logits(x, offset, d, w, classes, out);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, out[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= sum;
        }
    }
}
