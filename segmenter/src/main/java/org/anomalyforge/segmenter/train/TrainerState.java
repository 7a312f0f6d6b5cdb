package org.anomalyforge.segmenter.train;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code checkpoints/trainer-state.json} (§5.8): where a run stands after its last checkpoint.
 *
 * <p>Random state: every random draw of the trainer is a pure function of (seed, epoch, sample index) —
 * shuffling uses {@code java.util.Random(seed + epoch)}, augmentation a {@code SplittableRandom} seeded
 * from (seed, epoch, index) — and nothing draws from libtorch's generator, so the seed and the epoch
 * are the complete RNG state.
 *
 * @param format      format version ({@value #FORMAT})
 * @param resumeKey   SHA-256 of data fingerprint and options (a run resumes only under the same key)
 * @param seed        the training seed
 * @param epoch       last completed and checkpointed epoch (1-based; 0 = none)
 * @param iteration   optimiser steps done
 * @param lossCurve   mean loss of each completed epoch
 * @param validations every validation so far
 * @param best        best validation so far (highest pixel AP, ties to the later epoch), null before the first
 */
public record TrainerState(int format, String resumeKey, long seed, int epoch, long iteration,
                           List<Double> lossCurve, List<ValidationSummary> validations, ValidationSummary best) {

    /** Current format. */
    public static final int FORMAT = 1;

    /** Copies the lists. */
    public TrainerState {
        lossCurve = List.copyOf(lossCurve);
        validations = List.copyOf(validations);
    }

    /** The state of a run that has not completed an epoch. */
    public static TrainerState fresh(String resumeKey, long seed) {
        return new TrainerState(FORMAT, resumeKey, seed, 0, 0, List.of(), List.of(), null);
    }

    /** The state after {@code completed} with its loss and (optional) validation. */
    public TrainerState after(int completed, long iterations, List<Double> losses, ValidationSummary validation,
            ValidationSummary newBest) {
        List<ValidationSummary> v = new ArrayList<>(validations);
        if (validation != null) {
            v.add(validation);
        }
        return new TrainerState(format, resumeKey, seed, completed, iterations, losses, v, newBest);
    }
}
