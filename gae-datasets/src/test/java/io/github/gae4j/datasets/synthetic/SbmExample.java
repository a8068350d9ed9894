// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.synthetic;

// tag::sbm[]
import io.github.gae4j.core.graph.Graph;
// end::sbm[]

/** README of gae-datasets, the {@code sbm} section: a stochastic block model from code. */
final class SbmExample {

    private SbmExample() {}

    // tag::sbm[]
    static Graph fourCommunities() {
        return StochasticBlockModel.builder()
                .nodes(2000)
                .communities(4)
                .pIn(0.02)
                .pOut(0.001)
                .featureDim(32)
                .featureNoise(1.0)
                .seed(7)
                .build()
                .generate();
    }
    // end::sbm[]
}
