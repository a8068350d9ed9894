// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Looks inside a model's encoder without touching plugin code: one evaluation-mode forward pass (what validation
 * runs), then a walk of its computation graph from μ (and log σ) back to the inputs, reading the value of every
 * {@link Relu} node it passes: the encoder's hidden ReLU layers, whoever wrote the encoder. Encoders with other
 * activations (ELU, PReLU, which cannot die) show no hidden layers; the embeddings are always there.
 */
public final class EncoderProbe {

    private final GraphAutoencoder model;
    private final GraphInput input;
    private final Parallelism parallelism;

    /**
     * @param input       what the encoder sees in evaluation (the training graph)
     * @param parallelism the threads of the pass (borrowed; the numbers do not depend on it)
     */
    public EncoderProbe(GraphAutoencoder model, GraphInput input, Parallelism parallelism) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.input = Objects.requireNonNull(input, "input is null");
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism is null");
    }

    /** The hidden ReLU layers and the embeddings μ of the model's current weights. */
    public Snapshot inspect() {
        Encoding encoding = model.encoder().encode(input, Mode.EVAL);
        ComputationContext ctx = new ComputationContext(parallelism);
        Matrix mu = ctx.forward(encoding.mu());
        List<Variable> outputs = new ArrayList<>(List.of(encoding.mu()));
        encoding.logStd().ifPresent(outputs::add);
        List<HiddenLayer> layers = new ArrayList<>();
        for (Relu relu : relus(outputs)) {
            layers.add(HiddenLayer.of(layers.size() + 1, ctx.forward(relu)));
        }
        return new Snapshot(layers, mu);
    }

    /** Every ReLU node the outputs depend on, each once, inputs first (so layer 1 is the first hidden layer). */
    static List<Relu> relus(List<Variable> outputs) {
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Variable> postOrder = new ArrayList<>();
        Deque<Iterator<Variable>> stack = new ArrayDeque<>();
        Deque<Variable> path = new ArrayDeque<>();
        for (Variable out : outputs) {
            if (!seen.add(out)) {
                continue;
            }
            stack.push(out.parents().iterator());
            path.push(out);
            while (!stack.isEmpty()) {
                Iterator<Variable> next = stack.peek();
                if (next.hasNext()) {
                    Variable p = next.next();
                    if (seen.add(p)) {
                        stack.push(p.parents().iterator());
                        path.push(p);
                    }
                } else {
                    stack.pop();
                    postOrder.add(path.pop());
                }
            }
        }
        List<Relu> out = new ArrayList<>();
        for (Variable v : postOrder) {
            if (v instanceof Relu relu) {
                out.add(relu);
            }
        }
        return out;
    }

    /** What one look found: the hidden ReLU layers, first to last, and the embeddings μ (n × d). */
    public record Snapshot(List<HiddenLayer> layers, Matrix embeddings) {

        public Snapshot {
            layers = List.copyOf(layers);
            Objects.requireNonNull(embeddings, "embeddings is null");
        }

        public int units() {
            return layers.stream().mapToInt(HiddenLayer::units).sum();
        }

        public int deadUnits() {
            return layers.stream().mapToInt(HiddenLayer::deadUnits).sum();
        }
    }

    /** One ReLU layer: its width and how many of its units output zero on every node. */
    public record HiddenLayer(int index, int units, int deadUnits) {

        /** Counts the columns of a ReLU output that are zero (or below) in every row. */
        public static HiddenLayer of(int index, Matrix activations) {
            int n = activations.rows();
            int d = activations.cols();
            boolean[] alive = new boolean[d];
            double[] x = activations.data();
            for (int r = 0; r < n; r++) {
                int offset = r * d;
                for (int c = 0; c < d; c++) {
                    if (x[offset + c] > 0) {
                        alive[c] = true;
                    }
                }
            }
            int dead = 0;
            for (boolean a : alive) {
                dead += a ? 0 : 1;
            }
            return new HiddenLayer(index, d, dead);
        }
    }
}
