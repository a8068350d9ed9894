// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.tensor.Matrix;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class GaeSpiTest {

    @Test
    void majorVersion() {
        assertThat(GaeSpi.major(GaeSpi.VERSION)).isEqualTo(1);
        assertThat(GaeSpi.major("2.7")).isEqualTo(2);
        assertThat(GaeSpi.major("3")).isEqualTo(3);
        assertThatThrownBy(() -> GaeSpi.major("x.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Malformed SPI version 'x.1'");
    }

    @Test
    void creationContextRejectsNegativeSizesAndSeedsItsRandom() {
        assertThatThrownBy(() -> new CreationContext(-1, 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputDim -1");
        CreationContext c = new CreationContext(4, 10, 99);
        assertThat(c.random().nextLong()).isEqualTo(c.random().nextLong());
    }

    @Test
    void encodingChecksLogStdShape() {
        Constant mu = Constant.of(Matrix.zeros(3, 2));
        assertThat(Encoding.deterministic(mu).isVariational()).isFalse();
        assertThat(Encoding.gaussian(mu, Constant.of(Matrix.zeros(3, 2))).isVariational())
                .isTrue();
        assertThatThrownBy(() -> Encoding.gaussian(mu, Constant.of(Matrix.zeros(2, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 3)")
                .hasMessageContaining("(3, 2)");
    }

    @Test
    void datasetFormatExceptionNamesFileAndLine() {
        DatasetFormatException withLine = new DatasetFormatException(Path.of("cora.cites"), 12, "bad id");
        assertThat(withLine).hasMessage("cora.cites:12: bad id").isInstanceOf(GaeException.class);
        assertThat(withLine.line()).isEqualTo(12);
        assertThat(new DatasetFormatException(Path.of("x.npz"), 0, "missing entry"))
                .hasMessage("x.npz: missing entry");
        assertThat(new UnknownComponentException("u")).isInstanceOf(ConfigException.class);
    }
}
