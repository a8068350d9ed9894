package io.github.gae4j.examples.reproduce;

import io.github.gae4j.core.model.ComponentSpec;
import io.github.gae4j.core.model.LossSpec;
import io.github.gae4j.core.model.ModelSpec;
import io.github.gae4j.core.spi.GaeException;
import io.github.gae4j.core.train.TrainerConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models the reproduce command knows, each with its recipe and its paper's link-prediction
 * results (test AUC / AP in %, mean over 10 runs):
 * <ul>
 *   <li>{@code gae}, {@code vgae}: Kipf &amp; Welling, "Variational Graph Auto-Encoders", NIPS 2016
 *       Workshop on Bayesian Deep Learning, Table 1 (PubMed against the featureless GAE*, VGAE* rows,
 *       PubMed's TF-IDF features being unavailable);</li>
 *   <li>{@code arga}, {@code arvga}: Pan, Hu, Long, Jiang, Yao &amp; Zhang, "Adversarially Regularized
 *       Graph Autoencoder for Graph Embedding", IJCAI 2018, pp. 2609–2615, link-prediction table (Cora
 *       and CiteSeer; its PubMed rows use features, so PubMed has no paper figure here).</li>
 * </ul>
 * ARGA and ARVGA follow the reference code's schedule (see {@link #ARGA_DISCRIMINATOR} and
 * {@link #ARGA_TRAINING}) with these differences, forced by the one-optimiser trainer or chosen:
 * the generator step is folded into every fifth reconstruction step (the trainer's Adam at 0.0005)
 * instead of a separate Adam at 0.001; ARGA's N(0, 0.1²) noise on the encoder's hidden layer is not
 * applied (the {@code gcn} encoder has no such option); the discriminator starts Glorot-uniform,
 * not N(0, 0.01²) (measured better on Cora); {@code weighted-bce} counts the self-loops in E, as
 * for GAE here, where the reference counts nnz(A_train).
 */
final class PaperTable {

    /**
     * One model row: its name, the paper, the model description and training settings (the seed
     * is set per run), and the paper's AUC/AP per dataset.
     */
    record Row(String model, String paper, ModelSpec spec, TrainerConfig training, Map<String, double[]> aucAp) {

        /** The paper's AUC/AP on {@code dataset}, if it reports one comparable with our input. */
        Optional<double[]> paperAucAp(String dataset) {
            return Optional.ofNullable(aucAp.get(dataset));
        }
    }

    private static final String KIPF_WELLING = "Kipf & Welling (2016) Table 1";
    private static final String PAN_ET_AL = "Pan et al. (2018), IJCAI";

    /**
     * ARGA's and ARVGA's discriminator as in the reference code (TrustAGI-Lab/ARGA: {@code settings.py},
     * {@code model.py}, {@code optimizer.py}, {@code constructor.py}): latent → 64 → 32 → 1 with ReLU
     * ({@code hidden3}, {@code hidden1}), its own Adam at 0.001, one step per iteration against fresh
     * N(0, I) samples; generator term mean BCE(D(Z), 1) with weight 1. Each reference iteration is 5
     * reconstruction steps, then one discriminator step and one generator step: {@code period} 5 here,
     * with 5 epochs per iteration.
     */
    private static final ComponentSpec ARGA_DISCRIMINATOR = ComponentSpec.of("adversarial", "hidden", "64,32",
            "learning-rate", 0.001, "steps", 1, "period", 5);

    /**
     * The reference's training: 200 iterations of 5 reconstruction steps with Adam at 0.0005 (its
     * {@code learning_rate}), so 1000 epochs at 0.0005; validation measured once per iteration.
     */
    private static final TrainerConfig ARGA_TRAINING = TrainerConfig.defaults().withEpochs(1000)
            .withLearningRate(0.0005).withEvalEvery(5);

    static final Map<String, Row> ROWS = rows();

    private static Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        TrainerConfig reference = TrainerConfig.defaults();
        add(rows, new Row("gae", KIPF_WELLING, ModelSpec.gae(), reference, Map.of(
                "cora", new double[] {91.0, 92.0},
                "citeseer", new double[] {89.5, 89.9},
                "pubmed", new double[] {82.2, 87.4})));
        add(rows, new Row("vgae", KIPF_WELLING, ModelSpec.vgae(), reference, Map.of(
                "cora", new double[] {91.4, 92.6},
                "citeseer", new double[] {90.8, 92.0},
                "pubmed", new double[] {82.7, 87.5})));
        // GCN hidden 32, latent 32 (the reference's hidden1, hidden2); ARVGA keeps the KL term (its OptimizerVAE).
        add(rows, new Row("arga", PAN_ET_AL, new ModelSpec(ComponentSpec.of("gcn", "hidden", 32, "latent", 32),
                ComponentSpec.of("identity"), ComponentSpec.of("inner-product"),
                List.of(LossSpec.of("weighted-bce"), new LossSpec(ARGA_DISCRIMINATOR, 1.0))),
                ARGA_TRAINING, Map.of(
                "cora", new double[] {92.4, 93.2},
                "citeseer", new double[] {91.9, 93.0})));
        add(rows, new Row("arvga", PAN_ET_AL, new ModelSpec(ComponentSpec.of("vgae", "hidden", 32, "latent", 32),
                ComponentSpec.of("gaussian"), ComponentSpec.of("inner-product"),
                List.of(LossSpec.of("weighted-bce"), LossSpec.of("kl"), new LossSpec(ARGA_DISCRIMINATOR, 1.0))),
                ARGA_TRAINING, Map.of(
                "cora", new double[] {92.4, 92.6},
                "citeseer", new double[] {92.4, 93.0})));
        return Collections.unmodifiableMap(rows);
    }

    private static void add(Map<String, Row> rows, Row row) {
        rows.put(row.model(), row);
    }

    /** The row named {@code model}; an unknown name fails listing the known ones. */
    static Row row(String model) {
        Row row = ROWS.get(model);
        if (row == null) {
            throw new GaeException("Unknown model '" + model + "'; known models: " + ROWS.keySet());
        }
        return row;
    }

    private PaperTable() {
    }
}
