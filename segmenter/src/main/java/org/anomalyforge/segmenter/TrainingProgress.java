package org.anomalyforge.segmenter;

/**
 * Callbacks from {@link Lfd#train}, on the training thread. An exception thrown here aborts training; the
 * staging run stays, and the next matching {@code train} call resumes from its last checkpoint.
 */
public interface TrainingProgress {

    /** Does nothing. */
    TrainingProgress NONE = new TrainingProgress() {
        @Override
        public void onStart(long totalIterations) {
        }

        @Override
        public void onIteration(long iteration, double loss, double lr) {
        }

        @Override
        public void onValidation(int epoch, double pixelAp, boolean best) {
        }
    };

    /** Called once with T (§5.6), also when resuming. */
    void onStart(long totalIterations);

    /**
     * After each optimiser step.
     *
     * @param iteration 0-based index i of the step (the lr index of §5.5)
     * @param loss      the OHEM loss of the batch
     * @param lr        the learning rate used
     */
    void onIteration(long iteration, double loss, double lr);

    /**
     * After each validation.
     *
     * @param epoch   1-based epoch just finished
     * @param pixelAp validation pixel AP
     * @param best    true if this epoch is the best so far (ties go to the later epoch)
     */
    void onValidation(int epoch, double pixelAp, boolean best);
}
