// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders;

import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.decoders.sourcetarget.SourceTargetDecoderFactory;
import io.github.gae4j.testkit.DecoderContract;

final class SourceTargetDecoderContractTest implements DecoderContract {

    @Override
    public DecoderFactory factory() {
        return new SourceTargetDecoderFactory();
    }

    @Override
    public int latentDim() {
        return 4;
    }
}
