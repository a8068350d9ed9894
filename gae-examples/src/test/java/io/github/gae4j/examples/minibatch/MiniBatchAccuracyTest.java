// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.minibatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.runtime.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The accuracy check: mini-batch training (fan-out 25,10) next to full-batch negative sampling on the same
 * splits, featureless (X = I) GAE and VGAE on Cora, CiteSeer and PubMed. Per seed s: {@code LinkSplit.of(graph, s)}
 * (85/5/10), the model initialised and trained with seed s, tested on the best validation epoch. Full batch is the
 * reference recipe (Adam, lr 0.01, 200 epochs). Mini-batch: 1024 positive edges (and as many uniform negatives) per
 * step, Adam at the same lr 0.01, 100 epochs on Cora and CiteSeer (5 steps each) and 50 on PubMed (37 steps each):
 * the epochs an edge needs fall as the steps per epoch grow. Prints mean ± std test AUC/AP, the difference in points,
 * epochs and optimiser steps to the best validation AUC and to within half a point of the full-batch best, and the
 * wall time per run and to the best epoch.
 *
 * <p>By default one seed of GAE on Cora (a few seconds); the long runs choose with system properties:
 * {@code -Dgae4j.minibatch.seeds=10 -Dgae4j.minibatch.datasets=cora,citeseer,pubmed -Dgae4j.minibatch.models=gae,vgae}
 * and, to explore, {@code gae4j.minibatch.batch} (1024), {@code gae4j.minibatch.epochs} (all datasets),
 * {@code gae4j.minibatch.lr} (0.01), {@code gae4j.minibatch.threads} (2), {@code gae4j.minibatch.curve=true} (prints
 * each run's validation AUC every 10 epochs). Skipped without the data.
 *
 * <p>Measured with 10 seeds (2 cores, load 7-9): mini-batch test AUC within 1.0 point of full batch for all six
 * (Cora +0.24/+0.45, CiteSeer +0.85/+0.78, PubMed -0.53/-0.25 for GAE/VGAE), with 1.7-4.5x fewer epochs to the best
 * validation AUC but 1.4-8x more optimiser steps: on graphs this small a 2-hop sample covers much of the graph.
 */
final class MiniBatchAccuracyTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover(MiniBatchAccuracyTest.class.getClassLoader());

    /** What one seed of one training recipe gave. */
    record Run(
            double auc,
            double ap,
            int bestEpoch,
            long stepsPerEpoch,
            double seconds,
            double secondsToBest,
            double[] valAuc) {

        double bestValAuc() {
            return valAuc[bestEpoch - 1];
        }

        /** The first epoch whose validation AUC is within {@code REACH} of {@code target}, 0 if none. */
        int epochsToReach(double target) {
            for (int e = 0; e < valAuc.length; e++) {
                if (valAuc[e] >= target - REACH) {
                    return e + 1;
                }
            }
            return 0;
        }
    }

    /** "Reached the full-batch accuracy": validation AUC within half a point of the full-batch run's best. */
    private static final double REACH = 0.005;

    @ParameterizedTest
    @ValueSource(strings = {"cora", "citeseer", "pubmed"})
    void miniBatchesLandNearFullBatch(String name) {
        List<String> datasets = list("gae4j.minibatch.datasets", "cora");
        Assumptions.assumeTrue(
                datasets.contains(name), name + " not in -Dgae4j.minibatch.datasets=" + String.join(",", datasets));
        Optional<Path> root = DataDirectories.find();
        Assumptions.assumeTrue(
                root.isPresent(), "No datasets: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        // PubMed as the catalog has it (Planetoid's ids, no features); Cora and CiteSeer from LINQS.
        Path dir = "pubmed".equals(name)
                ? root.get().resolve("planetoid").resolve("pubmed_nofeatures.content")
                : root.get().resolve("linqs").resolve(name);
        Assumptions.assumeTrue(dir.toFile().exists(), "No " + dir + " under " + root.get());
        ComponentSpec loader = "pubmed".equals(name)
                ? ComponentSpec.of("linqs", "path", dir, "cites", dir.resolveSibling("pubmed.cites"))
                : ComponentSpec.of("linqs", "path", dir);
        Graph graph = new ModelAssembler(PLUGINS)
                .create(ComponentKind.DATASET, loader, new CreationContext(0, 0, 0))
                .load()
                .withoutFeatures();

        int seeds = Integer.getInteger("gae4j.minibatch.seeds", 1);
        int batch = Integer.getInteger("gae4j.minibatch.batch", 1024);
        int miniEpochs = Integer.getInteger("gae4j.minibatch.epochs", "pubmed".equals(name) ? 50 : 100);
        double lr = Double.parseDouble(System.getProperty("gae4j.minibatch.lr", "0.01"));
        int threads = Integer.getInteger("gae4j.minibatch.threads", 2);
        TrainerConfig full = TrainerConfig.defaults();
        TrainerConfig mini = TrainerConfig.builder()
                .epochs(miniEpochs)
                .learningRate(lr)
                .miniBatch(MiniBatchSettings.of(batch, FanOut.parse("25,10")))
                .build();

        System.out.printf(
                Locale.ROOT,
                "%n%s featureless: %s; full batch %d epochs lr %s; mini-batch B %d, fan-out 25,10, %d epochs, lr %s;"
                        + " %d seed(s), %d threads%n",
                name,
                graph,
                full.epochs(),
                full.learningRate(),
                batch,
                miniEpochs,
                lr,
                seeds,
                threads);
        System.out.printf(
                Locale.ROOT,
                "%-5s %-4s %15s %15s %6s %6s %6s %6s %7s %7s %7s %7s%n",
                "model",
                "mode",
                "test AUC",
                "test AP",
                "dAUC",
                "dAP",
                "best",
                "reach",
                "steps",
                "st->rch",
                "s/run",
                "s->best");
        List<String> failures = new ArrayList<>();
        for (String model : list("gae4j.minibatch.models", "gae")) {
            ModelSpec spec = ("vgae".equals(model) ? ModelSpec.vgae() : ModelSpec.gae()).withNegativeSampling();
            List<Run> fullRuns = new ArrayList<>();
            List<Run> miniRuns = new ArrayList<>();
            try (Parallelism p = Parallelism.of(threads)) {
                for (long seed = 1; seed <= seeds; seed++) {
                    LinkSplit split = LinkSplit.of(graph, seed);
                    fullRuns.add(run(spec, split, full.toBuilder().seed(seed).build(), p));
                    miniRuns.add(run(spec, split, mini.toBuilder().seed(seed).build(), p));
                }
            }
            print(model, "full", fullRuns, fullRuns);
            print(model, "mini", miniRuns, fullRuns);
            double fullAuc = mean(fullRuns, Run::auc);
            double miniAuc = mean(miniRuns, Run::auc);
            // Sane bounds only: the goal (within 1.0 point over 10 seeds) is read off the printed table.
            if (!(miniAuc > 0.75 && miniAuc > fullAuc - 0.03)) {
                failures.add(String.format(
                        Locale.ROOT, "%s %s: mini-batch AUC %.4f, full batch %.4f", name, model, miniAuc, fullAuc));
            }
        }
        assertThat(failures)
                .as("mini-batch mean test AUC above 0.75 and within 3 points of full batch")
                .isEmpty();
    }

    private static Run run(ModelSpec spec, LinkSplit split, TrainerConfig config, Parallelism threads) {
        long start = System.nanoTime();
        GraphInput input = GraphInput.of(split.trainGraph());
        GraphAutoencoder model = new ModelAssembler(PLUGINS)
                .assemble(
                        spec,
                        new CreationContext(
                                input.features().dim(), split.trainGraph().nodeCount(), config.seed()));
        List<Double> ends = new ArrayList<>();
        TrainingListener clock = (EpochStats stats) -> ends.add((System.nanoTime() - start) / 1e9);
        TrainingResult result = new Trainer(config, threads, clock).fit(model, split);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Boolean.getBoolean("gae4j.minibatch.curve")) {
            StringBuilder sb = new StringBuilder(config.isMiniBatch() ? "  curve mini" : "  curve full");
            for (EpochStats e : result.history()) {
                if (e.epoch() % 10 == 0) {
                    sb.append(String.format(Locale.ROOT, " %d:%.3f", e.epoch(), e.valAuc()));
                }
            }
            System.out.println(sb + " best " + result.bestEpoch() + " test "
                    + result.test().auc());
        }
        int best = Math.max(1, result.bestEpoch());
        long stepsPerEpoch = config.isMiniBatch()
                ? config.miniBatch().batchesPerEpoch(split.trainGraph().edges().size())
                : 1;
        return new Run(
                result.test().auc(),
                result.test().ap(),
                best,
                stepsPerEpoch,
                seconds,
                ends.get(best - 1),
                result.history().stream().mapToDouble(EpochStats::valAuc).toArray());
    }

    /**
     * One row: mean ± std test AUC/AP; the difference from full batch in points; mean epochs to the best validation
     * AUC; mean epochs (and optimiser steps) until validation AUC first came within half a point of the same seed's
     * full-batch best ("reach", with the count of seeds that got there if not all); wall seconds per run and to the
     * best epoch (training and validation).
     */
    private static void print(String model, String mode, List<Run> runs, List<Run> full) {
        int[] reach = new int[runs.size()];
        int reached = 0;
        double reachEpochs = 0;
        double reachSteps = 0;
        for (int k = 0; k < runs.size(); k++) {
            reach[k] = runs.get(k).epochsToReach(full.get(k).bestValAuc());
            if (reach[k] > 0) {
                reached++;
                reachEpochs += reach[k];
                reachSteps += reach[k] * (double) runs.get(k).stepsPerEpoch();
            }
        }
        String reachText = reached == 0
                ? "-"
                : String.format(Locale.ROOT, "%.1f", reachEpochs / reached)
                        + (reached < runs.size() ? "(" + reached + ")" : "");
        System.out.printf(
                Locale.ROOT,
                "%-5s %-4s %15s %15s %6s %6s %6.1f %6s %7.0f %7.0f %7.2f %7.2f%n",
                model,
                mode,
                meanStd(runs, Run::auc),
                meanStd(runs, Run::ap),
                runs == full ? "" : points(runs, full, Run::auc),
                runs == full ? "" : points(runs, full, Run::ap),
                mean(runs, Run::bestEpoch),
                reachText,
                mean(runs, r -> r.bestEpoch() * (double) r.stepsPerEpoch()),
                reached == 0 ? Double.NaN : reachSteps / reached,
                mean(runs, Run::seconds),
                mean(runs, Run::secondsToBest));
    }

    private static String points(List<Run> runs, List<Run> reference, ToDoubleFunction<Run> f) {
        return String.format(Locale.ROOT, "%+.2f", 100 * (mean(runs, f) - mean(reference, f)));
    }

    private static String meanStd(List<Run> runs, ToDoubleFunction<Run> f) {
        double m = mean(runs, f);
        double ss = runs.stream().mapToDouble(f).map(v -> (v - m) * (v - m)).sum();
        double std = runs.size() > 1 ? Math.sqrt(ss / (runs.size() - 1)) : 0;
        return String.format(Locale.ROOT, "%.4f ± %.4f", m, std);
    }

    private static double mean(List<Run> runs, ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static List<String> list(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
