// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.mlp;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.testkit.DecoderContract;

final class MlpDecoderContractTest implements DecoderContract {

    @Override
    public DecoderFactory factory() {
        return new MlpDecoderFactory();
    }

    @Override
    public ComponentConfig config() {
        return ComponentConfig.of("hidden", "4");
    }

    @Override
    public boolean symmetric() {
        return true;
    }
}
