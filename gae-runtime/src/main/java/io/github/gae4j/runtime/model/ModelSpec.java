// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model described as data: encoder, sampler, decoder, loss terms and input corruptions (applied
 * in training only, in order) by plugin name, with options. The same description is assembled by
 * {@link ModelAssembler} from code, the command line or Guice.
 */
public record ModelSpec(
        ComponentSpec encoder,
        ComponentSpec sampler,
        ComponentSpec decoder,
        List<LossSpec> losses,
        List<ComponentSpec> corruptions) {

    public ModelSpec {
        Objects.requireNonNull(encoder, "encoder is null");
        Objects.requireNonNull(sampler, "sampler is null");
        Objects.requireNonNull(decoder, "decoder is null");
        losses = List.copyOf(losses);
        corruptions = List.copyOf(corruptions);
        if (losses.isEmpty()) {
            throw new IllegalArgumentException("A model needs at least one loss term");
        }
    }

    /** One named component of the model and its kind. */
    public record Part(ComponentKind<?> kind, ComponentSpec component) {
        public Part {
            Objects.requireNonNull(kind, "kind is null");
            Objects.requireNonNull(component, "component is null");
        }
    }

    /**
     * Every component by kind, in the order the model is assembled: encoder, sampler, decoder, each loss term,
     * each corruption. The one walk over a spec that checks, provenance and plugin lookups share.
     */
    public List<Part> parts() {
        List<Part> out = new ArrayList<>(3 + losses.size() + corruptions.size());
        out.add(new Part(ComponentKind.ENCODER, encoder));
        out.add(new Part(ComponentKind.SAMPLER, sampler));
        out.add(new Part(ComponentKind.DECODER, decoder));
        for (LossSpec l : losses) {
            out.add(new Part(ComponentKind.LOSS, l.component()));
        }
        for (ComponentSpec c : corruptions) {
            out.add(new Part(ComponentKind.CORRUPTION, c));
        }
        return out;
    }

    /** A model without input corruption. */
    public ModelSpec(ComponentSpec encoder, ComponentSpec sampler, ComponentSpec decoder, List<LossSpec> losses) {
        this(encoder, sampler, decoder, losses, List.of());
    }

    /** The same model with these corruptions of the encoder's input in training. */
    public ModelSpec withCorruptions(List<ComponentSpec> newCorruptions) {
        return new ModelSpec(encoder, sampler, decoder, losses, newCorruptions);
    }

    /** The same model with these loss terms. */
    public ModelSpec withLosses(List<LossSpec> newLosses) {
        return new ModelSpec(encoder, sampler, decoder, newLosses, corruptions);
    }

    /** Kipf &amp; Welling's GAE: GCN encoder (hidden 32, latent 16), identity sampler, inner product, full-graph weighted BCE. */
    public static ModelSpec gae() {
        return new ModelSpec(
                ComponentSpec.of("gcn"),
                ComponentSpec.of("identity"),
                ComponentSpec.of("inner-product"),
                List.of(LossSpec.of("weighted-bce")));
    }

    /** Kipf &amp; Welling's VGAE: shared-W0 variational GCN, Gaussian sampler, inner product, weighted BCE + KL. */
    public static ModelSpec vgae() {
        return new ModelSpec(
                ComponentSpec.of("vgae"),
                ComponentSpec.of("gaussian"),
                ComponentSpec.of("inner-product"),
                List.of(LossSpec.of("weighted-bce"), LossSpec.of("kl")));
    }

    /** The same model with the full-graph reconstruction term replaced by negative-sampling BCE. */
    public ModelSpec withNegativeSampling() {
        List<LossSpec> replaced = losses.stream()
                .map(l -> l.component().name().equals("weighted-bce")
                        ? new LossSpec(ComponentSpec.of("negative-sampling-bce"), l.weight())
                        : l)
                .toList();
        return new ModelSpec(encoder, sampler, decoder, replaced, corruptions);
    }

    /** The same model with this encoder. */
    public ModelSpec withEncoder(ComponentSpec newEncoder) {
        return new ModelSpec(newEncoder, sampler, decoder, losses, corruptions);
    }

    /** The same model with the encoder {@code name} and these options (alternating keys and values). */
    public ModelSpec withEncoder(String name, Object... options) {
        return withEncoder(ComponentSpec.of(name, options));
    }

    /** The same model with this latent sampler. */
    public ModelSpec withSampler(ComponentSpec newSampler) {
        return new ModelSpec(encoder, newSampler, decoder, losses, corruptions);
    }

    /** The same model with the sampler {@code name} and these options (alternating keys and values). */
    public ModelSpec withSampler(String name, Object... options) {
        return withSampler(ComponentSpec.of(name, options));
    }

    /** The same model with this decoder. */
    public ModelSpec withDecoder(ComponentSpec newDecoder) {
        return new ModelSpec(encoder, sampler, newDecoder, losses, corruptions);
    }

    /** The same model with the decoder {@code name} and these options (alternating keys and values). */
    public ModelSpec withDecoder(String name, Object... options) {
        return withDecoder(ComponentSpec.of(name, options));
    }

    /** The same model with these loss terms. */
    public ModelSpec withLosses(LossSpec... newLosses) {
        return withLosses(List.of(newLosses));
    }

    /** The same model with one more loss term, e.g. {@code withLoss(LossSpec.of("kl", 0.5))}. */
    public ModelSpec withLoss(LossSpec extra) {
        List<LossSpec> more = new ArrayList<>(losses);
        more.add(Objects.requireNonNull(extra, "extra is null"));
        return withLosses(more);
    }

    /** The same model with these corruptions of the encoder's input in training. */
    public ModelSpec withCorruptions(ComponentSpec... newCorruptions) {
        return withCorruptions(List.of(newCorruptions));
    }

    /** The same model with one more corruption, applied after the others. */
    public ModelSpec withCorruption(ComponentSpec extra) {
        List<ComponentSpec> more = new ArrayList<>(corruptions);
        more.add(Objects.requireNonNull(extra, "extra is null"));
        return withCorruptions(more);
    }
}
