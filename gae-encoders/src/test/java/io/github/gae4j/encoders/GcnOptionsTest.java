// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.encoders.gcn.GcnOptions;
import io.github.gae4j.encoders.gcn.GcnOptions.Norm;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Option parsing of {@code gcn} and {@code vgae}, and the defaults that keep the reference encoders unchanged. */
final class GcnOptionsTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(GcnOptionsTest.class.getClassLoader());
    private static final CreationContext CONTEXT = new CreationContext(5, 12, 3L);

    private static Encoder create(String name, Object... options) {
        return REGISTRY.factory(ComponentKind.ENCODER, name)
                .create(ComponentConfig.of(options).describedAs("encoder '" + name + "'"), CONTEXT);
    }

    private static List<String> names(Encoder encoder) {
        return encoder.weights().stream().map(Weights::name).toList();
    }

    @Test
    void defaultsAreKipfAndWellingsEncoders() {
        assertThat(GcnOptions.from(ComponentConfig.empty(), "encoder 'gcn'")).isEqualTo(GcnOptions.defaults());
        assertThat(GcnOptions.defaults()).isEqualTo(new GcnOptions(List.of(32), 0.0, Norm.NONE, false, false));
    }

    @Test
    void defaultGcnHasTheSameWeightsAndNamesAsBefore() {
        Encoder gcn = create("gcn");
        assertThat(names(gcn)).containsExactly("gcn.W0", "gcn.W1");
        SplittableRandom draws = new SplittableRandom(3L);
        assertThat(gcn.weights().get(0).data()).isEqualTo(GlorotUniform.sample(5, 32, draws));
        assertThat(gcn.weights().get(1).data()).isEqualTo(GlorotUniform.sample(32, 16, draws));
        Encoder explicit = create(
                "gcn", "hidden", 32, "latent", 16, "dropout", 0, "norm", "none", "residual", false, "bias", false);
        assertThat(explicit.weights())
                .extracting(Weights::data)
                .containsExactlyElementsOf(
                        gcn.weights().stream().map(Weights::data).toList());
    }

    @Test
    void defaultVgaeHasTheSameWeightsAndNamesAsBefore() {
        Encoder vgae = create("vgae");
        assertThat(names(vgae)).containsExactly("vgae.W0", "vgae.Wmu", "vgae.Wsigma");
        SplittableRandom draws = new SplittableRandom(3L);
        assertThat(vgae.weights().get(0).data()).isEqualTo(GlorotUniform.sample(5, 32, draws));
        assertThat(vgae.weights().get(1).data()).isEqualTo(GlorotUniform.sample(32, 16, draws));
        assertThat(vgae.weights().get(2).data()).isEqualTo(GlorotUniform.sample(32, 16, draws));
    }

    @Test
    void hiddenListAddsLayersNamedInOrder() {
        Encoder gcn = create("gcn", "hidden", "8, 6", "latent", 4);
        assertThat(names(gcn)).containsExactly("gcn.W0", "gcn.W1", "gcn.W2");
        assertThat(gcn.weights()).extracting(w -> w.rows() + "x" + w.cols()).containsExactly("5x8", "8x6", "6x4");
        Encoder vgae = create("vgae", "hidden", "8,6", "latent", 4);
        assertThat(names(vgae)).containsExactly("vgae.W0", "vgae.W1", "vgae.Wmu", "vgae.Wsigma");
    }

    @Test
    void biasAndNormAddParametersWithoutChangingTheDrawnWeights() {
        Encoder plain = create("gcn", "hidden", "6,6", "latent", 4);
        Encoder full = create(
                "gcn", "hidden", "6,6", "latent", 4, "bias", true, "norm", "LAYER", "residual", "true", "dropout", 0.2);
        assertThat(names(full))
                .containsExactly(
                        "gcn.W0",
                        "gcn.b0",
                        "gcn.gain0",
                        "gcn.shift0",
                        "gcn.W1",
                        "gcn.b1",
                        "gcn.gain1",
                        "gcn.shift1",
                        "gcn.W2",
                        "gcn.b2");
        assertThat(full.weights().stream()
                        .filter(w -> w.name().contains(".W"))
                        .map(Weights::data)
                        .toList())
                .containsExactlyElementsOf(
                        plain.weights().stream().map(Weights::data).toList());
        assertThat(full.weights().get(1).data()).isEqualTo(Matrix.zeros(1, 6));
        assertThat(full.weights().get(2).data().data()).containsOnly(1.0);
        assertThat(full.weights().get(3).data()).isEqualTo(Matrix.zeros(1, 6));
        Encoder vgae = create("vgae", "hidden", "6", "latent", 4, "bias", true, "norm", "batch");
        assertThat(names(vgae))
                .containsExactly(
                        "vgae.W0",
                        "vgae.b0",
                        "vgae.gain0",
                        "vgae.shift0",
                        "vgae.Wmu",
                        "vgae.bmu",
                        "vgae.Wsigma",
                        "vgae.bsigma");
    }

    @Test
    void badHiddenNamesTheOptionAndTheForm() {
        for (String bad : new String[] {"64,x", "0", "64,,32", "-3", "many", ","}) {
            assertThatThrownBy(() -> create("gcn", "hidden", bad))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Option 'hidden' of encoder 'gcn' must be a positive integer or a"
                            + " comma-separated list of positive integers")
                    .hasMessageContaining("'64,32'")
                    .hasMessageContaining("got '" + bad + "'");
        }
    }

    @Test
    void badDropoutNamesTheRange() {
        for (String bad : new String[] {"1.5", "1", "-0.1", "half", "NaN"}) {
            assertThatThrownBy(() -> create("vgae", "dropout", bad))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Option 'dropout' of encoder 'vgae' must be a number in [0, 1)")
                    .hasMessageContaining("got '" + bad + "'");
        }
    }

    @Test
    void badNormListsTheAllowedValues() {
        assertThatThrownBy(() -> create("gcn", "norm", "foo"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'norm' of encoder 'gcn' must be one of [none, batch, layer], got 'foo'");
    }

    @Test
    void badBooleansNameTheOption() {
        assertThatThrownBy(() -> create("gcn", "residual", "maybe"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'residual' of encoder 'gcn' must be true or false, got 'maybe'");
        assertThatThrownBy(() -> create("vgae", "bias", "2"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'bias' of encoder 'vgae' must be true or false, got '2'");
    }

    @Test
    void residualWithoutAnEqualWidthHiddenPairIsRejected() {
        assertThatThrownBy(() -> create("gcn", "hidden", "64,32", "residual", true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Option 'residual' of encoder 'gcn' needs two consecutive hidden layers of" + " equal width")
                .hasMessageContaining("hidden is '64,32'");
        assertThatThrownBy(() -> create("vgae", "residual", true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("hidden is '32'");
    }

    @Test
    void unknownOptionsListTheLayerOptions() {
        ComponentConfig config = ComponentConfig.of("depth", 3).describedAs("encoder 'gcn'");
        ComponentFactory<?> gcn = REGISTRY.factory(ComponentKind.ENCODER, "gcn");
        assertThatThrownBy(() -> config.requireOnly(ComponentFactory.optionNames(gcn)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "known options: [activate-output, activation, bias, dropout, hidden, latent, norm,"
                                + " residual]");
    }

    @Test
    void emptyHiddenLeavesOnlyTheOutputLayerOnX() {
        Encoder gcn = create("gcn", "hidden", "", "latent", 4);
        assertThat(names(gcn)).containsExactly("gcn.W0");
        assertThat(gcn.weights().get(0).data()).isEqualTo(GlorotUniform.sample(5, 4, new SplittableRandom(3L)));
        Encoder vgae = create("vgae", "hidden", " ", "latent", 4);
        assertThat(names(vgae)).containsExactly("vgae.Wmu", "vgae.Wsigma");
    }

    @Test
    void activateOutputNormalisesTheOutputLayerOfGcnOnly() {
        Encoder gcn = create(
                "gcn",
                "hidden",
                "",
                "latent",
                4,
                "norm",
                "batch",
                "bias",
                true,
                "activation",
                "elu",
                "activate-output",
                true);
        assertThat(names(gcn)).containsExactly("gcn.W0", "gcn.b0", "gcn.gain0", "gcn.shift0");
        ComponentConfig config = ComponentConfig.of("activate-output", true).describedAs("encoder 'vgae'");
        assertThatThrownBy(() -> config.requireOnly(
                        ComponentFactory.optionNames(REGISTRY.factory(ComponentKind.ENCODER, "vgae"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("activate-output");
        assertThatThrownBy(() -> new io.github.gae4j.encoders.vgae.VariationalGcnEncoder(
                        5, GcnOptions.defaults().withActivateOutput(true), 4, 10.0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activate-output");
    }

    @Test
    void badActivationListsTheAllowedValues() {
        assertThatThrownBy(() -> create("vgae", "activation", "tanh"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Option 'activation' of encoder 'vgae' must be one of [relu, elu, prelu], got 'tanh'");
    }

    @Test
    void optionsRecordValidatesToo() {
        assertThatThrownBy(() -> GcnOptions.defaults().withHidden(8, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Hidden sizes");
        assertThatThrownBy(() -> GcnOptions.defaults().withDropout(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1)");
    }
}
