// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.mlp;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.testkit.DecoderContract;

/** {@code mlp} with dropout, as MaskGAE trains it: training passes drop, evaluation passes do not. */
final class DropoutMlpDecoderContractTest implements DecoderContract {

    @Override
    public DecoderFactory factory() {
        return new MlpDecoderFactory();
    }

    @Override
    public boolean symmetric() {
        return true;
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", "5,3", "dropout", 0.5);
    }
}
