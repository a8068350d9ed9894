// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gin;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.nn.AffineNorm;
import io.github.gae4j.core.spi.ComponentConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of {@code gin}, read once by {@link #from}.
 *
 * @param layers    GIN layers (option {@code layers}, ≥ 1)
 * @param hidden    width of every hidden representation: each GIN layer's output but the last, and each MLP's
 *                  inner layers ({@code hidden})
 * @param latent    width of the embeddings Z, the last layer's output ({@code latent})
 * @param mlpLayers linear layers in each layer's MLP ({@code mlp-layers}, ≥ 1; 2 is Xu et al.'s)
 * @param eps       ε, the weight of a node's own representation beyond 1 ({@code eps}); where training starts
 *                  when {@code trainEps}
 * @param trainEps  whether ε is learnable, one per layer ({@code train-eps}; GIN-ε against GIN-0)
 * @param norm      normalisation with learnable gain and shift after each MLP inner layer, or empty
 *                  ({@code norm}: one of {@code none|batch|layer}, {@code batch} by default)
 * @param bias      a bias row on every linear layer ({@code bias})
 * @param dropout   inverted-dropout rate on the inputs of the layers after the first, in training ({@code dropout})
 */
record GinOptions(
        int layers,
        int hidden,
        int latent,
        int mlpLayers,
        double eps,
        boolean trainEps,
        Optional<AffineNorm.Kind> norm,
        boolean bias,
        double dropout) {

    static final int DEFAULT_LAYERS = 2;
    static final int DEFAULT_HIDDEN = 32;
    static final int DEFAULT_LATENT = 16;
    static final int DEFAULT_MLP_LAYERS = 2;
    /** Xu et al. normalise every MLP hidden layer with batch norm (as PyG's {@code GIN} does by default). */
    static final String DEFAULT_NORM = "batch";

    static GinOptions from(ComponentConfig config) {
        String norm = config.getString("norm", DEFAULT_NORM).trim().toLowerCase(Locale.ROOT);
        Optional<AffineNorm.Kind> kind = switch (norm) {
            case "none" -> Optional.empty();
            case "batch" -> Optional.of(AffineNorm.Kind.BATCH);
            case "layer" -> Optional.of(AffineNorm.Kind.LAYER);
            default ->
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "Option 'norm' of encoder '%s' must be one of [none, batch, layer], got '%s'",
                        GinEncoderFactory.NAME,
                        config.getString("norm", DEFAULT_NORM)));
        };
        return new GinOptions(
                config.getPositiveInt("layers", DEFAULT_LAYERS),
                config.getPositiveInt("hidden", DEFAULT_HIDDEN),
                config.getPositiveInt("latent", DEFAULT_LATENT),
                config.getPositiveInt("mlp-layers", DEFAULT_MLP_LAYERS),
                config.getDouble("eps", 0.0),
                config.getBoolean("train-eps", false),
                kind,
                config.getBoolean("bias", true),
                config.getDropoutRate("dropout"));
    }
}
