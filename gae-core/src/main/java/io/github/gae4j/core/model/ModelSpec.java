package io.github.gae4j.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A model described as data: encoder, sampler, decoder and loss terms by plugin name, with
 * options. The same description is assembled by {@link ModelAssembler} from code, the command
 * line or Guice.
 */
public record ModelSpec(ComponentSpec encoder, ComponentSpec sampler, ComponentSpec decoder, List<LossSpec> losses) {

    public ModelSpec {
        Objects.requireNonNull(encoder, "encoder is null");
        Objects.requireNonNull(sampler, "sampler is null");
        Objects.requireNonNull(decoder, "decoder is null");
        losses = List.copyOf(losses);
        if (losses.isEmpty()) {
            throw new IllegalArgumentException("A model needs at least one loss term");
        }
    }

    /** Kipf &amp; Welling's GAE: GCN encoder (hidden 32, latent 16), identity sampler, inner product, full-graph weighted BCE. */
    public static ModelSpec gae() {
        return new ModelSpec(ComponentSpec.of("gcn"), ComponentSpec.of("identity"), ComponentSpec.of("inner-product"),
                List.of(LossSpec.of("weighted-bce")));
    }

    /** Kipf &amp; Welling's VGAE: shared-W0 variational GCN, Gaussian sampler, inner product, weighted BCE + KL. */
    public static ModelSpec vgae() {
        return new ModelSpec(ComponentSpec.of("vgae"), ComponentSpec.of("gaussian"), ComponentSpec.of("inner-product"),
                List.of(LossSpec.of("weighted-bce"), LossSpec.of("kl")));
    }

    /** The same model with the full-graph reconstruction term replaced by negative-sampling BCE. */
    public ModelSpec withNegativeSampling() {
        List<LossSpec> replaced = losses.stream()
                .map(l -> l.component().name().equals("weighted-bce")
                        ? new LossSpec(ComponentSpec.of("negative-sampling-bce"), l.weight()) : l)
                .toList();
        return new ModelSpec(encoder, sampler, decoder, replaced);
    }

    public ModelSpec withEncoder(ComponentSpec newEncoder) {
        return new ModelSpec(newEncoder, sampler, decoder, losses);
    }
}
