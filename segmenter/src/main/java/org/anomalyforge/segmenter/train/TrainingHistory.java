package org.anomalyforge.segmenter.train;

import java.util.List;

/**
 * {@code history.json} of a committed run: the loss curve and every validation.
 *
 * @param totalIterations T
 * @param lossCurve       mean loss per epoch
 * @param validations     every validation pass
 * @param trainSamples    number of training samples
 * @param valSamples      number of validation samples
 */
public record TrainingHistory(long totalIterations, List<Double> lossCurve, List<ValidationSummary> validations,
                              int trainSamples, int valSamples) {

    /** File name in the run folder. */
    public static final String FILE_NAME = "history.json";

    /** Copies the lists. */
    public TrainingHistory {
        lossCurve = List.copyOf(lossCurve);
        validations = List.copyOf(validations);
    }
}
