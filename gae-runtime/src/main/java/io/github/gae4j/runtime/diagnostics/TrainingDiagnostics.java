// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.WeightedLoss;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.runtime.train.TrainingResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a run for the usual ways a graph autoencoder goes wrong and says so in plain words, with what to try
 * (see {@link Warning}). Add it to the trainer's listeners; it reports as it goes to the given sink (by default a
 * WARN log line) and keeps every warning for the summary ({@link #warnings()}). Each kind is reported once, where it
 * is first seen.
 *
 * <ul>
 *   <li>{@code loss-spike}: the training loss jumps by more than {@link DiagnosticThresholds#lossSpikeFactor()}.</li>
 *   <li>{@code flat-auc}: validation AUC stays at chance (0.5) for several validated epochs.</li>
 *   <li>{@code dead-units}: most of the encoder's hidden ReLU units output zero on every node (needs a
 *       {@link EncoderProbe}).</li>
 *   <li>{@code rank-one-embeddings}, {@code constant-embeddings}: the embeddings vary along one direction, or
 *       most of their dimensions not at all (needs a probe).</li>
 *   <li>{@code early-best-epoch}: the best validation epoch is in the first few percent of the run
 *       ({@link #finish}).</li>
 *   <li>{@code below-baseline}: the model's test AUC is below the best heuristic's
 *       ({@link #compareWithBaseline}).</li>
 * </ul>
 *
 * Plain Java, no randomness: the same history gives the same warnings.
 */
public final class TrainingDiagnostics implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingDiagnostics.class);

    /** Validation AUC within this of 0.5 lets the embeddings' shape be judged during training. */
    static final double NEAR_CHANCE = 0.05;

    private final DiagnosticThresholds thresholds;
    private final int plannedEpochs;
    private final Advice advice;
    private final EncoderProbe probe;
    private final Consumer<Warning> sink;
    private final List<Warning> warnings = new ArrayList<>();
    private final Set<String> raised = new HashSet<>();
    private double previousLoss = Double.NaN;
    private int flatSince;
    private double lastAuc = Double.NaN;
    private int lastValidated;
    private int flatCount;

    /**
     * @param plannedEpochs the run's configured epochs (for the activation schedule and the early-best rule)
     * @param advice        what to suggest, fitted to the run ({@link Advice#of})
     * @param probe         looks at the encoder's activations; null to skip those checks
     * @param sink          told of each warning as it is raised (progress output, a log); null for a WARN log line
     */
    public TrainingDiagnostics(
            DiagnosticThresholds thresholds,
            int plannedEpochs,
            Advice advice,
            EncoderProbe probe,
            Consumer<Warning> sink) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
        if (plannedEpochs < 1) {
            throw new IllegalArgumentException("plannedEpochs must be >= 1, got " + plannedEpochs);
        }
        this.plannedEpochs = plannedEpochs;
        this.advice = Objects.requireNonNull(advice, "advice is null");
        this.probe = probe;
        this.sink = sink != null ? sink : w -> LOG.warn("[{}] {}", w.code(), w.text());
    }

    /**
     * Diagnostics for {@code model} trained on {@code split} with {@code training}, with advice fitted to its
     * features, learning rate and losses, and a probe of its encoder on the training graph (on
     * {@code parallelism}'s threads, borrowed) every tenth of the run unless the thresholds say otherwise.
     *
     * @param sink told of each warning as it is raised; null for a WARN log line
     */
    public static TrainingDiagnostics of(
            DiagnosticThresholds thresholds,
            TrainerConfig training,
            GraphAutoencoder model,
            LinkSplit split,
            Parallelism parallelism,
            Consumer<Warning> sink) {
        GraphInput input = GraphInput.of(split.trainGraph());
        Advice advice = Advice.of(
                input.features(),
                training.learningRate(),
                model.losses().stream().map(WeightedLoss::name).toList());
        return new TrainingDiagnostics(
                thresholds, training.epochs(), advice, new EncoderProbe(model, input, parallelism), sink);
    }

    /**
     * Runs the history checks (loss spikes, flat validation AUC) over the epochs of an earlier session, as a
     * resumed run continues it: its warnings are raised again with their epochs, and the next epoch is compared
     * with the last one here. The activations of those epochs are gone, so they are not probed.
     */
    public void replay(List<EpochStats> history) {
        for (EpochStats s : history) {
            checkLoss(s);
            checkValidation(s);
        }
    }

    /** Every warning so far, in the order raised. */
    public List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void onEpoch(EpochStats stats) {
        checkLoss(stats);
        checkValidation(stats);
        if (probe != null && stats.epoch() % thresholds.probeInterval(plannedEpochs) == 0) {
            checkActivations(probe.inspect(), stats.epoch(), "", stalled());
        }
    }

    /**
     * After the run: the early-best rule, and a last look at the evaluated model (the weights that are saved and
     * tested, often the best epoch's). Returns every warning of the run.
     */
    public List<Warning> finish(TrainingResult result) {
        Objects.requireNonNull(result, "result is null");
        int done = result.history().size();
        // A run stopped on request is judged on what it did; otherwise on what it was meant to do.
        int length = result.stoppedEarly() ? done : Math.max(done, plannedEpochs);
        int best = result.bestEpoch();
        if (length >= thresholds.earlyBestMinEpochs() && best > 0 && best <= thresholds.earlyBestShare() * length) {
            raise(new Warning(
                    "early-best-epoch",
                    0,
                    String.format(
                            Locale.ROOT,
                            "The best validation epoch is %d of %d (the first %s of the run): no later epoch did better.",
                            best,
                            length,
                            percent((double) best / length)),
                    advice.collapse()));
        }
        if (probe != null) {
            // The evaluated weights are the best epoch's: their shape matters if the run went on without
            // improving on them (a model still improving at its last epoch is under-trained, not collapsed).
            checkActivations(probe.inspect(), 0, "In the final model, ", best == 0 || best < lastValidated);
        }
        return warnings();
    }

    /**
     * Compares the model's test AUC with the best heuristic's on the same test pairs (nothing when there is none);
     * returns the warning if the model is below it.
     */
    public Optional<Warning> compareWithBaseline(double modelTestAuc, Optional<Baseline> best) {
        Objects.requireNonNull(best, "best is null");
        if (best.isEmpty() || !(modelTestAuc < best.get().auc() - thresholds.baselineMargin())) {
            return Optional.empty();
        }
        Baseline b = best.get();
        Warning w = new Warning(
                "below-baseline",
                0,
                String.format(
                        Locale.ROOT,
                        "The model's test AUC %.4f is %.1f points below %s (%.4f) on the same test pairs.",
                        modelTestAuc,
                        100 * (b.auc() - modelTestAuc),
                        b.name(),
                        b.auc()),
                advice.belowBaseline(b.name()));
        return raise(w) ? Optional.of(w) : Optional.empty();
    }

    private void checkLoss(EpochStats s) {
        double loss = s.loss();
        if (previousLoss > 0 && Double.isFinite(loss) && loss > thresholds.lossSpikeFactor() * previousLoss) {
            raise(new Warning(
                    "loss-spike",
                    s.epoch(),
                    String.format(
                            Locale.ROOT,
                            "The training loss jumped %.1f× at epoch %d, from %.4g to %.4g.%s",
                            loss / previousLoss,
                            s.epoch(),
                            previousLoss,
                            loss,
                            advice.featureNote()),
                    advice.lossSpike()));
        }
        previousLoss = loss;
    }

    private void checkValidation(EpochStats s) {
        double auc = s.valAuc();
        if (Double.isNaN(auc)) {
            return;
        }
        lastAuc = auc;
        lastValidated = s.epoch();
        if (Math.abs(auc - 0.5) <= thresholds.flatAucTolerance()) {
            if (flatCount++ == 0) {
                flatSince = s.epoch();
            }
        } else {
            flatCount = 0;
        }
        if (flatCount == thresholds.flatAucEpochs()) {
            raise(new Warning(
                    "flat-auc",
                    s.epoch(),
                    String.format(
                            Locale.ROOT,
                            "Validation AUC has stayed at %.4f, chance level, for %d validated epochs since epoch %d: the"
                                    + " model no longer tells edges from non-edges.",
                            auc,
                            flatCount,
                            flatSince),
                    advice.collapse()));
        }
    }

    /**
     * Whether the last validated epoch is near chance (true without validation, where there is no telling): only
     * then is the embeddings' shape judged during training. Featureless graphs dip for a while after epoch 1
     * (PubMed: validation AUC 0.78 → 0.69 → back above 0.78 by epoch 25) with one-dimensional embeddings on the
     * way (91 % in the first component at epoch 12); a collapse sits at 0.5.
     */
    private boolean stalled() {
        return Double.isNaN(lastAuc) || Math.abs(lastAuc - 0.5) <= NEAR_CHANCE;
    }

    /** Dead units always; the embeddings' shape only when {@code stalled} (see {@link #stalled()}). */
    private void checkActivations(EncoderProbe.Snapshot snap, int epoch, String where, boolean stalled) {
        String at = epoch > 0 ? String.format(Locale.ROOT, "At epoch %d, ", epoch) : where;
        int units = snap.units();
        int dead = snap.deadUnits();
        if (units > 0 && dead >= thresholds.deadUnitShare() * units) {
            raise(new Warning(
                    "dead-units",
                    epoch,
                    String.format(
                            Locale.ROOT,
                            "%s%d of the encoder's %d hidden ReLU units (%s) output zero for every node%s.%s",
                            at,
                            dead,
                            units,
                            percent((double) dead / units),
                            layers(snap),
                            advice.featureNote()),
                    advice.collapse()));
        }
        EmbeddingSpread spread = EmbeddingSpread.of(snap.embeddings());
        LOG.debug(
                "{}: {} of {} hidden ReLU units dead; first component {} of the variance; {} of {} embedding"
                        + " dimensions constant; {} zero entries",
                epoch > 0 ? "epoch " + epoch : "final model",
                dead,
                units,
                percent(spread.firstComponentShare()),
                spread.constantDims(),
                spread.dims(),
                percent(spread.zeroShare()));
        if (!stalled) {
            return;
        }
        if (spread.dims() > 0 && Double.isNaN(spread.firstComponentShare())) {
            raise(new Warning(
                    "constant-embeddings",
                    epoch,
                    String.format(Locale.ROOT, "%severy node has the same embedding%s.", at, zeros(spread)),
                    advice.collapse()));
        } else if (spread.dims() > 0 && spread.constantDims() >= thresholds.constantDimShare() * spread.dims()) {
            raise(new Warning(
                    "constant-embeddings",
                    epoch,
                    String.format(
                            Locale.ROOT,
                            "%s%d of the %d embedding dimensions are the same for every node%s.",
                            at,
                            spread.constantDims(),
                            spread.dims(),
                            zeros(spread)),
                    advice.collapse()));
        }
        if (spread.dims() > 1 && spread.firstComponentShare() >= thresholds.rankOneShare()) {
            raise(new Warning(
                    "rank-one-embeddings",
                    epoch,
                    String.format(
                            Locale.ROOT,
                            "%sthe first principal component holds %s of the embeddings' variance: the nodes lie almost on"
                                    + " one line, so the decoder can barely tell pairs apart%s.",
                            at,
                            percent(spread.firstComponentShare()),
                            zeros(spread)),
                    advice.collapse()));
        }
    }

    private static String layers(EncoderProbe.Snapshot snap) {
        if (snap.layers().size() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (EncoderProbe.HiddenLayer l : snap.layers()) {
            parts.add(String.format(Locale.ROOT, "layer %d: %d of %d", l.index(), l.deadUnits(), l.units()));
        }
        return " (" + String.join(", ", parts) + ")";
    }

    private static String zeros(EmbeddingSpread spread) {
        return spread.zeroShare() >= 0.01
                ? String.format(Locale.ROOT, " (%s of the entries are exactly 0)", percent(spread.zeroShare()))
                : "";
    }

    /** Two decimals near 0 and 100 %, one from 90 %, none between: "1.00%", "37%", "99.4%", "99.97%". */
    static String percent(double share) {
        String format = share < 0.1 || share >= 0.9995 ? "%.2f%%" : share >= 0.9 ? "%.1f%%" : "%.0f%%";
        return String.format(Locale.ROOT, format, 100 * share);
    }

    /** Keeps and reports {@code w} unless a warning of its code was raised already. */
    private boolean raise(Warning w) {
        if (!raised.add(w.code())) {
            return false;
        }
        warnings.add(w);
        sink.accept(w);
        return true;
    }
}
