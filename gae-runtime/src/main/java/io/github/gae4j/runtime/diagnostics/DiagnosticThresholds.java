// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import java.util.Locale;

/**
 * When {@link TrainingDiagnostics} speaks up. The defaults stay silent on the healthy reference runs (Cora,
 * CiteSeer, the synthetic graph) and fire on a collapsed one (raw Amazon Computers).
 *
 * @param lossSpikeFactor    a training loss more than this many times the previous epoch's is a spike
 * @param flatAucTolerance   validation AUC within this of 0.5 counts as chance level
 * @param flatAucEpochs      this many validated epochs in a row at chance level make a flat AUC
 * @param earlyBestShare     a best validation epoch within this share of the run is suspiciously early
 * @param earlyBestMinEpochs runs shorter than this are not judged on their best epoch
 * @param deadUnitShare      warn when at least this share of the encoder's hidden ReLU units is zero on every node
 * @param rankOneShare       warn when the first principal component holds at least this share of the embeddings'
 *                           variance
 * @param constantDimShare   warn when at least this share of the embedding dimensions is the same for every node
 * @param baselineMargin     warn when the model's test AUC is more than this below the best heuristic's (0: any
 *                           deficit)
 * @param probeEvery         look at the encoder's activations every this many epochs (0: every tenth of the run,
 *                           at least 5 epochs apart)
 */
public record DiagnosticThresholds(
        double lossSpikeFactor,
        double flatAucTolerance,
        int flatAucEpochs,
        double earlyBestShare,
        int earlyBestMinEpochs,
        double deadUnitShare,
        double rankOneShare,
        double constantDimShare,
        double baselineMargin,
        int probeEvery) {

    public DiagnosticThresholds {
        require(lossSpikeFactor > 1, "lossSpikeFactor must be > 1", lossSpikeFactor);
        require(
                flatAucTolerance >= 0 && flatAucTolerance < 0.5,
                "flatAucTolerance must be in [0, 0.5)",
                flatAucTolerance);
        require(flatAucEpochs >= 1, "flatAucEpochs must be >= 1", flatAucEpochs);
        require(earlyBestShare >= 0 && earlyBestShare < 1, "earlyBestShare must be in [0, 1)", earlyBestShare);
        require(earlyBestMinEpochs >= 1, "earlyBestMinEpochs must be >= 1", earlyBestMinEpochs);
        require(deadUnitShare > 0 && deadUnitShare <= 1, "deadUnitShare must be in (0, 1]", deadUnitShare);
        require(rankOneShare > 0 && rankOneShare <= 1, "rankOneShare must be in (0, 1]", rankOneShare);
        require(constantDimShare > 0 && constantDimShare <= 1, "constantDimShare must be in (0, 1]", constantDimShare);
        require(baselineMargin >= 0 && baselineMargin < 1, "baselineMargin must be in [0, 1)", baselineMargin);
        require(probeEvery >= 0, "probeEvery must be >= 0", probeEvery);
    }

    /**
     * A 10× loss jump; 5 validated epochs in a row within 0.005 of AUC 0.5; a best epoch in the first 5 % of a run
     * of 20 epochs or more; half the hidden ReLU units dead; 90 % of the variance in one component; half the
     * embedding dimensions constant; any deficit against the best heuristic; activations every tenth of the run (at
     * least 5 epochs apart).
     */
    public static DiagnosticThresholds defaults() {
        return new DiagnosticThresholds(10, 0.005, 5, 0.05, 20, 0.5, 0.9, 0.5, 0, 0);
    }

    public DiagnosticThresholds withLossSpikeFactor(double value) {
        return new DiagnosticThresholds(
                value,
                flatAucTolerance,
                flatAucEpochs,
                earlyBestShare,
                earlyBestMinEpochs,
                deadUnitShare,
                rankOneShare,
                constantDimShare,
                baselineMargin,
                probeEvery);
    }

    public DiagnosticThresholds withFlatAuc(double tolerance, int epochs) {
        return new DiagnosticThresholds(
                lossSpikeFactor,
                tolerance,
                epochs,
                earlyBestShare,
                earlyBestMinEpochs,
                deadUnitShare,
                rankOneShare,
                constantDimShare,
                baselineMargin,
                probeEvery);
    }

    public DiagnosticThresholds withEarlyBest(double share, int minEpochs) {
        return new DiagnosticThresholds(
                lossSpikeFactor,
                flatAucTolerance,
                flatAucEpochs,
                share,
                minEpochs,
                deadUnitShare,
                rankOneShare,
                constantDimShare,
                baselineMargin,
                probeEvery);
    }

    public DiagnosticThresholds withDeadUnitShare(double value) {
        return new DiagnosticThresholds(
                lossSpikeFactor,
                flatAucTolerance,
                flatAucEpochs,
                earlyBestShare,
                earlyBestMinEpochs,
                value,
                rankOneShare,
                constantDimShare,
                baselineMargin,
                probeEvery);
    }

    public DiagnosticThresholds withRankOneShare(double value) {
        return new DiagnosticThresholds(
                lossSpikeFactor,
                flatAucTolerance,
                flatAucEpochs,
                earlyBestShare,
                earlyBestMinEpochs,
                deadUnitShare,
                value,
                constantDimShare,
                baselineMargin,
                probeEvery);
    }

    public DiagnosticThresholds withConstantDimShare(double value) {
        return new DiagnosticThresholds(
                lossSpikeFactor,
                flatAucTolerance,
                flatAucEpochs,
                earlyBestShare,
                earlyBestMinEpochs,
                deadUnitShare,
                rankOneShare,
                value,
                baselineMargin,
                probeEvery);
    }

    public DiagnosticThresholds withBaselineMargin(double value) {
        return new DiagnosticThresholds(
                lossSpikeFactor,
                flatAucTolerance,
                flatAucEpochs,
                earlyBestShare,
                earlyBestMinEpochs,
                deadUnitShare,
                rankOneShare,
                constantDimShare,
                value,
                probeEvery);
    }

    public DiagnosticThresholds withProbeEvery(int value) {
        return new DiagnosticThresholds(
                lossSpikeFactor,
                flatAucTolerance,
                flatAucEpochs,
                earlyBestShare,
                earlyBestMinEpochs,
                deadUnitShare,
                rankOneShare,
                constantDimShare,
                baselineMargin,
                value);
    }

    /** The epochs between two looks at the activations in a run of {@code epochs}. */
    int probeInterval(int epochs) {
        // Not before epoch 5 by default: freshly initialised embeddings lean on one direction (PC1 up to 0.8 at
        // epoch 1 on healthy runs) and say nothing yet about collapse.
        return probeEvery > 0 ? probeEvery : Math.max(5, epochs / 10);
    }

    private static void require(boolean ok, String what, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s, got %s", what, value));
        }
    }
}
