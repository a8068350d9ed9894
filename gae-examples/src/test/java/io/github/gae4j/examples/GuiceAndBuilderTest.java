// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.encoders.gcn.GcnEncoder;
import io.github.gae4j.encoders.sampler.GaussianSampler;
import io.github.gae4j.encoders.sampler.IdentitySampler;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoder;
import io.github.gae4j.losses.kl.KlLoss;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
import io.github.gae4j.runtime.inject.GaeInjectors;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.testkit.TestGraphs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Guice-wired and the builder-composed model give the same numbers for the same seed. */
final class GuiceAndBuilderTest {

    private static final long SEED = 17;
    private final Graph graph = TestGraphs.twoCommunities(30, 6, 4);
    private final LinkSplit split = LinkSplit.of(graph, SEED);
    // As the README shows: once, where the application starts.
    private final Injector injector = GaeInjectors.create(getClass().getClassLoader());
    private final CreationContext context = new CreationContext(6, graph.nodeCount(), SEED);

    private TrainingResult train(GraphAutoencoder model) {
        try (Parallelism p = Parallelism.of(2)) {
            return new Trainer(TrainerConfig.builder().epochs(40).seed(SEED).build(), p).fit(model, split);
        }
    }

    @Test
    void gaeFromGuiceEqualsGaeFromTheBuilder() {
        GraphAutoencoder wired = injector.getInstance(ModelAssembler.class).assemble(ModelSpec.gae(), context);
        GraphAutoencoder built = GraphAutoencoder.builder()
                .encoder(new GcnEncoder(6, 32, 16, new SplittableRandom(SEED)))
                .sampler(new IdentitySampler())
                .decoder(new InnerProductDecoder())
                .loss("weighted-bce", new FullGraphBceLoss())
                .build();
        TrainingResult a = train(wired);
        TrainingResult b = train(built);
        assertThat(a.history())
                .extracting(s -> s.loss())
                .isEqualTo(b.history().stream().map(s -> s.loss()).toList());
        assertThat(a.test()).isEqualTo(b.test());
        assertThat(a.test().auc()).as("training helps").isGreaterThan(0.6);
    }

    @Test
    void vgaeFromGuiceEqualsVgaeFromTheBuilder() {
        GraphAutoencoder wired = injector.getInstance(ModelAssembler.class).assemble(ModelSpec.vgae(), context);
        GraphAutoencoder built = GraphAutoencoder.builder()
                .encoder(new VariationalGcnEncoder(6, 32, 16, new SplittableRandom(SEED)))
                .sampler(new GaussianSampler())
                .decoder(new InnerProductDecoder())
                .loss("weighted-bce", new FullGraphBceLoss())
                .loss("kl", KlLoss.reference())
                .build();
        TrainingResult a = train(wired);
        TrainingResult b = train(built);
        assertThat(a.history())
                .extracting(s -> s.loss())
                .isEqualTo(b.history().stream().map(s -> s.loss()).toList());
        assertThat(a.test()).isEqualTo(b.test());
    }

    @Test
    void unknownNamesAndOptionsFailWithTheKnownOnesListed() {
        ModelAssembler assembler = injector.getInstance(ModelAssembler.class);
        assertThatThrownBy(() -> assembler.assemble(ModelSpec.gae().withEncoder(ComponentSpec.of("gnc")), context))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining(
                        "Unknown encoder 'gnc'; known encoders: [gat, gcn, gin, linear, linear-vgae, vgae]");
        assertThatThrownBy(() ->
                        assembler.assemble(ModelSpec.gae().withEncoder(ComponentSpec.of("gcn", "hiden", 8)), context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Unknown option 'hiden' for encoder 'gcn'; known options: [activate-output, activation, bias, dropout, hidden, latent, norm, residual]");
    }
}
