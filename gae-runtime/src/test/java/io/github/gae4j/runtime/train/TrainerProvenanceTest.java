// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Training returns the provenance it is given, and checks that its training seed is the one used. */
final class TrainerProvenanceTest {

    private static final Graph GRAPH = TestGraphs.twoCommunities(20, 8, 3);
    private static final LinkSplit SPLIT = LinkSplit.of(GRAPH, 4);

    private static GraphAutoencoder model() {
        return GraphAutoencoder.builder()
                .encoder(new TrainerTest.LinearEncoder(8, 4, 1))
                .sampler(new TrainerTest.IdentitySampler())
                .decoder(new TrainerTest.InnerProductDecoder())
                .loss("reconstruction", new TrainerTest.FullGraphLoss())
                .build();
    }

    private static Provenance provenance(long trainingSeed) {
        return new Provenance(
                Provenance.currentVersion(),
                Provenance.Jdk.current(),
                List.of(),
                ModelSpec.gae(),
                new Provenance.Seeds(4, 1, trainingSeed),
                Provenance.Dataset.of(GRAPH.name(), Optional.empty(), Provenance.Features.AS_LOADED, GRAPH),
                new Provenance.Split(0.05, 0.1));
    }

    @Test
    void theResultCarriesTheProvenanceAndTheNumbersDoNotChange() {
        TrainerConfig config = TrainerConfig.builder().epochs(3).seed(5).build();
        Provenance p = provenance(5);
        TrainingResult with = new Trainer(config, Parallelism.singleThreaded()).fit(model(), SPLIT, null, p);
        TrainingResult without = new Trainer(config, Parallelism.singleThreaded()).fit(model(), SPLIT);
        assertThat(with.provenance()).contains(p);
        assertThat(without.provenance()).isEmpty();
        assertThat(with.test()).isEqualTo(without.test());
        assertThat(with.finalState().weights()).isEqualTo(without.finalState().weights());
    }

    @Test
    void aProvenanceWithAnotherTrainingSeedIsRefused() {
        TrainerConfig config = TrainerConfig.builder().epochs(1).seed(5).build();
        assertThatThrownBy(() ->
                        new Trainer(config, Parallelism.singleThreaded()).fit(model(), SPLIT, null, provenance(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training seed 6")
                .hasMessageContaining("seed 5");
    }
}
