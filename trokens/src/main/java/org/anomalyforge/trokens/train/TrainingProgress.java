package org.anomalyforge.trokens.train;

/** Life-cycle hooks of {@link EpisodicTrainer} (logging, progress bars); every method defaults to nothing. */
public interface TrainingProgress {

    /** No-op listener. */
    TrainingProgress NONE = new TrainingProgress() {
    };

    /** After optimiser step {@code step} (0-based) with the episode's total loss and the rate it used. */
    default void onStep(long step, float loss, float learningRate) {
    }

    /** After validating at the end of epoch {@code epoch} (1-based). */
    default void onValidation(int epoch, EpisodeReport report) {
    }
}
