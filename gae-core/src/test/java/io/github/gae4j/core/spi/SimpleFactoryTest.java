// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SimpleFactoryTest {

    private static final Sampler SAMPLER = (encoding, mode, random) -> encoding.mu();

    @Test
    void exposesItsPartsAndCallsTheFunction() {
        List<Parameter> parameters = List.of(Parameter.of("b", 1, "second"), Parameter.of("a", 2.5, "first"));
        SamplerFactory f = SimpleFactory.sampler("toy", "a toy", parameters, (config, context) -> {
            assertThat(config.getInt("b", 1)).isEqualTo(7);
            assertThat(context.inputDim()).isEqualTo(3);
            return SAMPLER;
        });
        assertThat(f.name()).isEqualTo("toy");
        assertThat(f.description()).isEqualTo("a toy");
        assertThat(f.parameters()).containsExactlyElementsOf(parameters);
        assertThat(f.parameterNames()).as("not a second declaration").isEmpty();
        assertThat(ComponentFactory.optionNames(f)).containsExactly("b", "a");
        assertThat(f.create(ComponentConfig.of("b", 7), new CreationContext(3, 5, 1)))
                .isSameAs(SAMPLER);
        assertThat(f.toString()).contains("toy");
    }

    @Test
    void everyKindHasItsInterface() {
        assertThat(SimpleFactory.encoder("e", "", List.of(), (c, x) -> null)).isInstanceOf(EncoderFactory.class);
        assertThat(SimpleFactory.sampler("s", "", List.of(), (c, x) -> null)).isInstanceOf(SamplerFactory.class);
        assertThat(SimpleFactory.decoder("d", "", List.of(), (c, x) -> null)).isInstanceOf(DecoderFactory.class);
        assertThat(SimpleFactory.loss("l", "", List.of(), (c, x) -> null)).isInstanceOf(LossFactory.class);
        assertThat(SimpleFactory.corruption("c", "", List.of(), (c, x) -> null)).isInstanceOf(CorruptionFactory.class);
        assertThat(SimpleFactory.datasetLoader("g", "", List.of(), (c, x) -> null))
                .isInstanceOf(DatasetLoaderFactory.class);
    }

    @Test
    void rejectsABlankNameAndDuplicateParameters() {
        assertThatThrownBy(() -> SimpleFactory.loss(" ", "", List.of(), (c, x) -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> SimpleFactory.loss(
                        "l", "", List.of(Parameter.of("a", 1, ""), Parameter.of("a", 2, "")), (c, x) -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'l'");
    }
}
