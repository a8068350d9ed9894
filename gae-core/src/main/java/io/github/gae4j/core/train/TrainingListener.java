package io.github.gae4j.core.train;

/** Called after every epoch (progress bars, early stopping, checkpoints). */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = stats -> { };

    void onEpoch(EpochStats stats);
}
