// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InnerProductDecoderTest implements GradientCheck {

    @Test
    void logitsAreInnerProductsOfThePairs() {
        Matrix z = TestGraphs.randomMatrix(5, 3, 1);
        Weights w = new Weights("z", z);
        EdgeList pairs = new EdgeList(new int[] {0, 1, 4, 2}, new int[] {3, 1, 0, 2});
        Matrix logits = new ComputationContext().forward(new InnerProductDecoder().logits(w, pairs));
        assertThat(logits.rows()).isEqualTo(4);
        for (int e = 0; e < pairs.size(); e++) {
            double dot = 0;
            for (int k = 0; k < 3; k++) {
                dot += z.get(pairs.src(e), k) * z.get(pairs.dst(e), k);
            }
            assertThat(logits.get(e, 0)).isCloseTo(dot, within(1e-14));
        }
        assertGradientsMatch(List.of(w), Sum.of(new InnerProductDecoder().logits(w, pairs)));
    }

    @Test
    void hasAFusedFullGraphKernelWithGradients() {
        var graph = TestGraphs.path(7);
        Weights w = new Weights("z", TestGraphs.randomMatrix(7, 3, 2));
        var target = NormalizedAdjacency.withSelfLoops(graph.adjacency());
        Variable loss = new InnerProductDecoder().fullGraphBce(w, target, 3.0, 0.6);
        assertGradientsMatch(List.of(w), loss);
    }

    @Test
    void isDiscoveredByName() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThat(registry.factory(ComponentKind.DECODER, "inner-product")
                        .create(ComponentConfig.empty(), new CreationContext(3, 7, 1)))
                .isInstanceOf(InnerProductDecoder.class);
        assertThat(registry.pluginOf(ComponentKind.DECODER, "inner-product").name())
                .isEqualTo("gae-decoders");
    }
}
