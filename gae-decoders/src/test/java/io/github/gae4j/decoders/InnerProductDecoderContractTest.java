// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders;

import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoderFactory;
import io.github.gae4j.testkit.DecoderContract;

final class InnerProductDecoderContractTest implements DecoderContract {

    @Override
    public DecoderFactory factory() {
        return new InnerProductDecoderFactory();
    }

    @Override
    public boolean symmetric() {
        return true;
    }
}
