package org.anomalyforge.generator.training;


/**
 * {@code checkpoints/trainer-state.json} of a staging run (seas.md §10.1 "Training resume"). The random streams
 * are keyed by (run seed, stage, micro-batch index, purpose), so the step number is the whole RNG state.
 *
 * @param format        {@value #FORMAT}
 * @param resumeKey     SHA-256 of product, options and data (a run resumes only under the same key)
 * @param stage0Done    whether stage 0 finished (its weights and s are in the checkpoint)
 * @param scalingFactor s measured by stage 0 (sd14: the imported value)
 * @param stage0PsnrDb  stage-0 reconstruction PSNR of the normal images (0 for sd14, which has no stage 0)
 * @param stage1Step    completed stage-1 optimiser steps
 * @param daEmptyOmega  stage-1 micro-batch resolutions whose DA term 2 had an empty Ω so far
 * @param log           the loss log so far
 */
public record TrainerState(int format, String resumeKey, boolean stage0Done, double scalingFactor,
        double stage0PsnrDb, long stage1Step,
        long daEmptyOmega, LossLog.Snapshot log) {

    public static final int FORMAT = 1;


    public TrainerState {
        if (format != FORMAT) {
            throw new IllegalArgumentException("trainer-state format must be " + FORMAT + ", got " + format);
        }
    }

}
