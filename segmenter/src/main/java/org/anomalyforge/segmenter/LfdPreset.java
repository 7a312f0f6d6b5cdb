package org.anomalyforge.segmenter;

/**
 * The epoch budgets of LFD spec §5.6: epochs, iteration cap, batch size, input size and checkpoint selection.
 */
public enum LfdPreset {
    /** Tests and demos: 2 epochs, cap 50, batch 4 at 64², the last epoch is selected. */
    SMOKE(2, 50, 4, 64, false),
    /** The default: 30 epochs, cap 5,000, batch 8 at 256², selected on validation pixel AP. */
    CPU(30, 5_000, 8, 256, true),
    /** The original recipe: 150 epochs, no cap, batch 8 at 256², selected on validation pixel AP. */
    ORIGINAL(150, Integer.MAX_VALUE, 8, 256, true);

    private final int epochs;
    private final int iterationCap;
    private final int batchSize;
    private final int inputSize;
    private final boolean selectOnValidation;

    LfdPreset(int epochs, int iterationCap, int batchSize, int inputSize, boolean selectOnValidation) {
        this.epochs = epochs;
        this.iterationCap = iterationCap;
        this.batchSize = batchSize;
        this.inputSize = inputSize;
        this.selectOnValidation = selectOnValidation;
    }

    /** Number of epochs. */
    public int epochs() {
        return epochs;
    }

    /** Cap on the total number of iterations T ({@link Integer#MAX_VALUE} = none). */
    public int iterationCap() {
        return iterationCap;
    }

    /** Batch size B. */
    public int batchSize() {
        return batchSize;
    }

    /** Square input side (H = W). */
    public int inputSize() {
        return inputSize;
    }

    /** True: highest validation pixel AP (ties to the later epoch); false: the last epoch. */
    public boolean selectOnValidation() {
        return selectOnValidation;
    }
}
