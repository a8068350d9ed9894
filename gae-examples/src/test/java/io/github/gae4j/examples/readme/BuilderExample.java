// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

// tag::builder[]
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.datasets.synthetic.StochasticBlockModel;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.encoders.sampler.GaussianSampler;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoder;
import io.github.gae4j.losses.kl.KlLoss;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.util.SplittableRandom;
// end::builder[]

/** README, "Use it as a library": a VGAE composed with the builder, no Guice, no plugin lookup. */
final class BuilderExample {

    private BuilderExample() {}

    // tag::builder[]
    static TrainingResult trainVgae() {
        // 500 nodes, 10 communities, 50 features, generated (no download); or a DatasetLoader's graph
        Graph graph = StochasticBlockModel.builder()
                .nodes(500)
                .communities(10)
                .seed(7)
                .build()
                .generate();
        LinkSplit split = LinkSplit.of(graph, 42L); // 85/5/10 edge split
        GraphAutoencoder vgae = GraphAutoencoder.builder()
                .encoder(new VariationalGcnEncoder(graph.featuresOrIdentity().dim(), 32, 16, new SplittableRandom(42)))
                .sampler(new GaussianSampler())
                .decoder(new InnerProductDecoder())
                .loss("weighted-bce", new FullGraphBceLoss())
                .loss("kl", KlLoss.reference())
                .build();
        try (Parallelism threads = Parallelism.allCores()) {
            TrainerConfig config = TrainerConfig.builder().seed(42).build(); // adam, lr 0.01, 200 epochs
            TrainingResult result = new Trainer(config, threads).fit(vgae, split);
            System.out.println(result.test()); // LinkScores[auc=..., ap=...]
            return result;
        }
    }
    // end::builder[]
}
