// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseEncoder;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.LinkBatch;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An autoencoder composed of an encoder, a latent sampler, a decoder, weighted loss terms and
 * optional corruptions of the encoder's input in training (denoising, masked features or edges).
 * Compose one in code with {@link #builder()}, or from a {@link ModelSpec} through the plugin
 * registry or Guice.
 */
public final class GraphAutoencoder {

    private static final Logger LOG = LoggerFactory.getLogger(GraphAutoencoder.class);

    private final Encoder encoder;
    private final Sampler sampler;
    private final Decoder decoder;
    private final List<WeightedLoss> losses;
    private final List<Corruption> corruptions;
    private final ModelSpec spec;
    private final AtomicBoolean fullForwardLogged = new AtomicBoolean();

    private GraphAutoencoder(
            Encoder encoder,
            Sampler sampler,
            Decoder decoder,
            List<WeightedLoss> losses,
            List<Corruption> corruptions,
            ModelSpec spec) {
        this.encoder = encoder;
        this.sampler = sampler;
        this.decoder = decoder;
        this.losses = List.copyOf(losses);
        this.corruptions = List.copyOf(corruptions);
        this.spec = spec;
        requireDistinctNames(weights());
    }

    /**
     * The description this model was assembled from, by name and options: what a saved model records so that it
     * can be assembled again. Present for models from {@link ModelAssembler}, from its {@link ModelAssembler#builder}
     * given every part by name, and from builders given {@link Builder#spec}; empty for a model composed (in part)
     * from component instances, which cannot be re-created from a file.
     */
    public Optional<ModelSpec> spec() {
        return Optional.ofNullable(spec);
    }

    /** Saved models and checkpoints key parameters by name: fail at assembly, not at the first save. */
    private static void requireDistinctNames(List<Weights> weights) {
        Set<String> names = new HashSet<>();
        for (Weights w : weights) {
            if (!names.add(w.name())) {
                throw new IllegalArgumentException("Two parameters of the model are named '" + w.name()
                        + "' (two components of the same kind that own parameters?); every parameter needs its own"
                        + " name");
            }
        }
    }

    /** A builder that takes the components themselves; see {@link ModelAssembler#builder} to give them by name. */
    public static Builder builder() {
        return new Builder(null, null);
    }

    /** See {@link ModelAssembler#builder}. */
    static Builder builder(ModelAssembler assembler, CreationContext context) {
        return new Builder(
                Objects.requireNonNull(assembler, "assembler is null"),
                Objects.requireNonNull(context, "context is null"));
    }

    public Encoder encoder() {
        return encoder;
    }

    public Sampler sampler() {
        return sampler;
    }

    public Decoder decoder() {
        return decoder;
    }

    public List<WeightedLoss> losses() {
        return losses;
    }

    public List<Corruption> corruptions() {
        return corruptions;
    }

    /**
     * Every trainable parameter (encoder, decoder, loss terms', then corruptions'), each once, in a stable order.
     * Corruptions come last so that models without corruption parameters keep the order they were saved in.
     */
    public List<Weights> weights() {
        Set<Weights> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Weights> out = new ArrayList<>();
        addNew(encoder.weights(), seen, out);
        addNew(decoder.weights(), seen, out);
        for (WeightedLoss term : losses) {
            addNew(term.loss().weights(), seen, out);
        }
        for (Corruption c : corruptions) {
            addNew(c.weights(), seen, out);
        }
        return out;
    }

    private static void addNew(List<Weights> weights, Set<Weights> seen, List<Weights> out) {
        for (Weights w : weights) {
            if (seen.add(w)) {
                out.add(w);
            }
        }
    }

    /**
     * The total training objective Σ weight · term for one pass, as a scalar variable, to be forwarded and
     * backpropagated in {@code ctx} (losses see it as {@link LossInput#context()}: a loss may evaluate part of the
     * graph there while building its term).
     */
    public Variable trainingLoss(
            GraphInput input, TrainingGraph training, SplittableRandom random, ComputationContext ctx) {
        return trainingPass(input, training, random, ctx).total();
    }

    /**
     * One training pass in {@code ctx}: the total objective Σ weight · term and each term's own (unweighted)
     * variable, in term order, part of the total's graph.
     */
    public TrainingPass trainingPass(
            GraphInput input, TrainingGraph training, SplittableRandom random, ComputationContext ctx) {
        return trainingPass(input, training, null, random, ctx);
    }

    /**
     * One training pass on a link mini-batch: {@code input} is the batch's sampled subgraph (the encoder runs on it
     * unchanged), {@code batch} says which of its rows the loss terms read, {@code training} is the whole training
     * graph (its node count, for terms that scale by N). {@code batch} null is a full-graph pass.
     *
     * @throws UnsupportedOperationException naming the first loss term that cannot be computed on a batch
     */
    public TrainingPass trainingPass(
            GraphInput input,
            TrainingGraph training,
            LinkBatch batch,
            SplittableRandom random,
            ComputationContext ctx) {
        if (batch != null) {
            requireMiniBatch();
        }
        CorruptedInput corrupted = CorruptedInput.clean(input);
        for (Corruption c : corruptions) {
            corrupted = c.corrupt(corrupted, random);
        }
        Encoding encoding = encoder.encode(corrupted.input(), Mode.TRAIN, random);
        Variable z = sampler.sample(encoding, Mode.TRAIN, random);
        LossInput lossInput = new LossInput(encoding, z, decoder, training, random, ctx, corrupted, batch);
        Variable total = null;
        List<Variable> terms = new ArrayList<>(losses.size());
        for (WeightedLoss term : losses) {
            Variable v = term.loss().loss(lossInput);
            if (v.rows() != 1 || v.cols() != 1) {
                throw new IllegalStateException("Loss '" + term.name() + "' returned " + v.render() + ", not a scalar");
            }
            terms.add(v);
            Variable weighted = term.weight() == 1.0 ? v : Scale.of(v, term.weight());
            total = total == null ? weighted : Add.of(total, weighted);
        }
        return new TrainingPass(total, terms);
    }

    /**
     * Checks that the model can be trained on link mini-batches: every loss term can be computed on a batch
     * ({@link Loss#supportsMiniBatch()}) and every corruption keeps the sampled subgraph ({@link
     * Corruption#supportsMiniBatch()}).
     *
     * @throws UnsupportedOperationException naming the first term or corruption that cannot, and why
     */
    public void requireMiniBatch() {
        for (Corruption c : corruptions) {
            if (!c.supportsMiniBatch()) {
                String name = spec == null || spec.corruptions().size() != corruptions.size()
                        ? c.getClass().getSimpleName()
                        : spec.corruptions().get(corruptions.indexOf(c)).name();
                throw new UnsupportedOperationException(String.format(
                        java.util.Locale.ROOT,
                        "Corruption '%s' cannot be used in mini-batches: it changes the graph, and on a sampled"
                                + " subgraph that re-normalises the propagation differently from the full graph the"
                                + " model is evaluated on. Train full-batch (leave out --batch-size), or corrupt"
                                + " features only (feature-mask, feature-noise)",
                        name));
            }
        }
        List<String> keys = lossTermKeys();
        for (int k = 0; k < losses.size(); k++) {
            if (!losses.get(k).loss().supportsMiniBatch()) {
                throw new UnsupportedOperationException(String.format(
                        java.util.Locale.ROOT,
                        "Loss term '%s' cannot be trained in mini-batches: it reads the whole graph (all N² pairs,"
                                + " all nodes' features, or a network it trains itself), not a batch of edges. Train"
                                + " it full-batch (leave out --batch-size), or use the loss 'negative-sampling-bce'"
                                + " (with 'kl' for VGAE)",
                        keys.get(k)));
            }
        }
    }

    /** See {@link #trainingPass}. */
    public record TrainingPass(Variable total, List<Variable> terms) {
        public TrainingPass {
            Objects.requireNonNull(total, "total is null");
            terms = List.copyOf(terms);
        }
    }

    /**
     * The keys of the loss terms, in term order: each term's name, with {@code #2}, {@code #3}, … appended to the
     * second and later terms of the same name, so two terms never share a key. Training state, checkpoints and
     * per-term values use them.
     */
    public List<String> lossTermKeys() {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (WeightedLoss term : losses) {
            int n = seen.merge(term.name(), 1, Integer::sum);
            keys.add(n == 1 ? term.name() : term.name() + "#" + n);
        }
        return keys;
    }

    /**
     * The encoding every evaluation pass uses (embed, score; so validation, evaluation, export and link prediction):
     * layer-wise inference when the encoder offers it ({@link LayerwiseEncoder}), else the full-graph forward pass,
     * which is as exact but holds every intermediate matrix (said once per model at DEBUG).
     */
    private Encoding evaluationEncoding(GraphInput input) {
        if (!(encoder instanceof LayerwiseEncoder) && fullForwardLogged.compareAndSet(false, true)) {
            LOG.debug(
                    "Encoder {} has no layer-wise inference: evaluation runs its full-graph forward pass (exact,"
                            + " but every intermediate N x width matrix is held)",
                    encoder.getClass().getName());
        }
        return LayerwiseInference.encode(encoder, input, LayerwiseInference.DEFAULT_CHUNK_ROWS);
    }

    /**
     * The embedding used for evaluation (Z in eval mode: μ for a Gaussian sampler), computed with
     * {@code parallelism}'s threads (borrowed, not closed; the result does not depend on the thread count), layer
     * by layer over all nodes when the encoder offers it ({@link LayerwiseEncoder}).
     */
    public Matrix embed(GraphInput input, Parallelism parallelism) {
        Encoding encoding = evaluationEncoding(input);
        Variable z = sampler.sample(encoding, Mode.EVAL, new SplittableRandom(0));
        return new ComputationContext(parallelism).forward(z);
    }

    /** Link probabilities sigmoid(logit) of the given pairs under evaluation mode. */
    public double[] score(GraphInput input, EdgeList pairs, Parallelism parallelism) {
        Encoding encoding = evaluationEncoding(input);
        Variable z = sampler.sample(encoding, Mode.EVAL, new SplittableRandom(0));
        return probabilities(new ComputationContext(parallelism).forward(decoder.logits(z, pairs)));
    }

    /** Link probabilities of several pair lists from one embedding pass. */
    public List<double[]> score(GraphInput input, List<EdgeList> pairLists, Parallelism parallelism) {
        Encoding encoding = evaluationEncoding(input);
        Variable z = sampler.sample(encoding, Mode.EVAL, new SplittableRandom(0));
        ComputationContext ctx = new ComputationContext(parallelism);
        List<double[]> out = new ArrayList<>();
        for (EdgeList pairs : pairLists) {
            out.add(probabilities(ctx.forward(decoder.logits(z, pairs))));
        }
        return out;
    }

    private static double[] probabilities(Matrix logits) {
        double[] p = logits.data().clone();
        for (int k = 0; k < p.length; k++) {
            p[k] = Sigmoid.sigmoid(p[k]);
        }
        return p;
    }

    /**
     * Plain-Java composition, no Guice needed. Each part is an instance, or (on a builder from
     * {@link ModelAssembler#builder}) a name with options that the assembler creates when the model is built, in
     * {@link ModelAssembler#assemble}'s order and with its contexts. A model whose parts are all named records its
     * {@link ModelSpec}, so it can be saved.
     */
    public static final class Builder {
        private final ModelAssembler assembler;
        private final CreationContext context;
        private Part<Encoder> encoder;
        private Part<Sampler> sampler;
        private Part<Decoder> decoder;
        private final List<LossPart> losses = new ArrayList<>();
        private final List<Part<Corruption>> corruptions = new ArrayList<>();
        private ModelSpec spec;

        private Builder(ModelAssembler assembler, CreationContext context) {
            this.assembler = assembler;
            this.context = context;
        }

        /** A part given as an instance ({@code spec} null) or by name ({@code instance} null). */
        private record Part<T>(T instance, ComponentSpec spec) {
            boolean named() {
                return spec != null;
            }

            T create(ComponentKind<? extends ComponentFactory<T>> kind, ModelAssembler assembler, CreationContext c) {
                return spec == null ? instance : assembler.create(kind, spec, c);
            }
        }

        /** A loss term: an instance with its name and weight (checked when added), or a {@link LossSpec}. */
        private record LossPart(WeightedLoss instance, LossSpec spec) {}

        private <T> Part<T> named(ComponentKind<?> kind, ComponentSpec value) {
            Objects.requireNonNull(value, kind.label() + " spec is null");
            if (assembler == null) {
                throw new IllegalStateException("A " + kind.label() + " by name ('" + value.name() + "') needs the"
                        + " plugins that provide it: start from new ModelAssembler(PluginRegistry.discover())"
                        + ".builder(context), not GraphAutoencoder.builder()");
            }
            return new Part<>(null, value);
        }

        /**
         * Records the named description the components were made from ({@link GraphAutoencoder#spec()}), so the
         * model can be saved and assembled again; the caller vouches that the instances match it.
         */
        public Builder spec(ModelSpec value) {
            this.spec = Objects.requireNonNull(value, "spec is null");
            return this;
        }

        /** Adds a corruption of the encoder's input in training; several apply in the order added. */
        public Builder corruption(Corruption corruption) {
            corruptions.add(new Part<>(Objects.requireNonNull(corruption, "corruption is null"), null));
            return this;
        }

        /** Adds a corruption by name (see {@link ModelAssembler#builder}). */
        public Builder corruption(ComponentSpec corruption) {
            corruptions.add(named(ComponentKind.CORRUPTION, corruption));
            return this;
        }

        public Builder encoder(Encoder value) {
            this.encoder = value == null ? null : new Part<>(value, null);
            return this;
        }

        /** The encoder by name (see {@link ModelAssembler#builder}). */
        public Builder encoder(ComponentSpec value) {
            this.encoder = named(ComponentKind.ENCODER, value);
            return this;
        }

        public Builder sampler(Sampler value) {
            this.sampler = value == null ? null : new Part<>(value, null);
            return this;
        }

        /** The sampler by name (see {@link ModelAssembler#builder}). */
        public Builder sampler(ComponentSpec value) {
            this.sampler = named(ComponentKind.SAMPLER, value);
            return this;
        }

        public Builder decoder(Decoder value) {
            this.decoder = value == null ? null : new Part<>(value, null);
            return this;
        }

        /** The decoder by name (see {@link ModelAssembler#builder}). */
        public Builder decoder(ComponentSpec value) {
            this.decoder = named(ComponentKind.DECODER, value);
            return this;
        }

        public Builder loss(String name, Loss loss) {
            return loss(name, loss, 1.0);
        }

        public Builder loss(String name, Loss loss, double weight) {
            losses.add(new LossPart(new WeightedLoss(name, loss, weight), null));
            return this;
        }

        /** A loss term by name, with its weight (see {@link ModelAssembler#builder}). */
        public Builder loss(LossSpec loss) {
            named(
                    ComponentKind.LOSS,
                    Objects.requireNonNull(loss, "loss spec is null").component());
            losses.add(new LossPart(null, loss));
            return this;
        }

        public GraphAutoencoder build() {
            if (encoder == null || sampler == null || decoder == null) {
                throw new NullPointerException(
                        (encoder == null ? "encoder" : sampler == null ? "sampler" : "decoder") + " is not set");
            }
            if (losses.isEmpty()) {
                throw new IllegalStateException("An autoencoder needs at least one loss term");
            }
            // ModelAssembler's order and contexts: the parts after the encoder see its latent size as their input.
            Encoder e = encoder.create(ComponentKind.ENCODER, assembler, context);
            CreationContext latent = context == null
                    ? null
                    : new CreationContext(e.latentDim(), context.nodeCount(), context.seed(), context.inputDim());
            Sampler s = sampler.create(ComponentKind.SAMPLER, assembler, latent);
            Decoder d = decoder.create(ComponentKind.DECODER, assembler, latent);
            List<WeightedLoss> terms = new ArrayList<>(losses.size());
            for (LossPart l : losses) {
                terms.add(
                        l.spec() == null
                                ? l.instance()
                                : new WeightedLoss(
                                        l.spec().name(),
                                        assembler.create(
                                                ComponentKind.LOSS, l.spec().component(), latent),
                                        l.spec().weight()));
            }
            List<Corruption> cs = new ArrayList<>(corruptions.size());
            for (Part<Corruption> c : corruptions) {
                cs.add(c.create(ComponentKind.CORRUPTION, assembler, context));
            }
            return new GraphAutoencoder(
                    e, s, d, terms, cs, spec != null ? spec : namedSpec().orElse(null));
        }

        /** The description of a model whose every part was given by name; empty if any is an instance. */
        private Optional<ModelSpec> namedSpec() {
            boolean allNamed = encoder.named()
                    && sampler.named()
                    && decoder.named()
                    && losses.stream().allMatch(l -> l.spec() != null)
                    && corruptions.stream().allMatch(Part::named);
            if (!allNamed) {
                return Optional.empty();
            }
            return Optional.of(new ModelSpec(
                    encoder.spec(),
                    sampler.spec(),
                    decoder.spec(),
                    losses.stream().map(LossPart::spec).toList(),
                    corruptions.stream().map(Part::spec).toList()));
        }
    }
}
