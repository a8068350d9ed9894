// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.testkit.LossContract;

/** {@code masked-edge-bce} with two of the star's three edges removed by a corruption. */
final class MaskedEdgeBceContractTest implements LossContract {

    @Override
    public LossFactory factory() {
        return new MaskedEdgeBceLossFactory();
    }

    @Override
    public CorruptedInput corruption(GraphInput clean) {
        return removeEdges(clean, new EdgeList(new int[] {0, 0}, new int[] {1, 3}));
    }

    /** {@code clean} with {@code removed} taken out of its graph (Â rebuilt), reported as removed. */
    static CorruptedInput removeEdges(GraphInput clean, EdgeList removed) {
        Graph graph = clean.graph();
        EdgeList all = graph.upperTriangleEdges();
        int[] s = new int[all.size() - removed.size()];
        int[] d = new int[s.length];
        int out = 0;
        for (int k = 0; k < all.size(); k++) {
            boolean gone = false;
            for (int r = 0; r < removed.size(); r++) {
                gone |= removed.src(r) == all.src(k) && removed.dst(r) == all.dst(k);
            }
            if (!gone) {
                s[out] = all.src(k);
                d[out] = all.dst(k);
                out++;
            }
        }
        Graph kept = graph.withEdges(new EdgeList(s, d));
        return CorruptedInput.clean(clean).then(GraphInput.of(kept), new int[0], removed);
    }
}
