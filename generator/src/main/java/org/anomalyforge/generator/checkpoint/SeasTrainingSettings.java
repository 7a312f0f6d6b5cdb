package org.anomalyforge.generator.checkpoint;

/**
 * The hyper-parameters a run was trained with (seas.md §6, §7.2, §7.6), recorded in {@code config.json}.
 *
 * @param profile             {@code tiny} or {@code sd14}
 * @param imageSize           S
 * @param stage0Steps         stage-0 steps (0 for sd14)
 * @param stage1Steps         stage-1 optimiser steps
 * @param batchSize           anomaly images per micro-batch b
 * @param gradientAccumulation micro-batches per optimiser step
 * @param seed                run seed
 * @param unetLearningRate    stage-1 lr of the U-Net group
 * @param textLearningRate    stage-1 lr of the text-encoder group
 * @param weightDecay         AdamW weight decay (both groups)
 * @param warmupSteps         linear warm-up steps (0 = constant lr)
 * @param clipNorm            global gradient-norm clip (0 = none)
 * @param promptDropout       empty-prompt dropout probability (tiny 0.1, sd14 0)
 * @param omegaRegion         DA Ω rule, {@code FULL} or {@code ANY}
 * @param tokenInit           new-row initialisation, {@code RANDOM} or {@code COPY_SOURCE}
 * @param resizeFilter        preprocessing filter rule
 */
public record SeasTrainingSettings(String profile, int imageSize, int stage0Steps, int stage1Steps, int batchSize,
        int gradientAccumulation, long seed, double unetLearningRate, double textLearningRate, double weightDecay,
        int warmupSteps, double clipNorm, double promptDropout, String omegaRegion, String tokenInit,
        String resizeFilter) {

    /** The preprocessing rule of seas.md §2.5 as implemented by the trainer. */
    public static final String RESIZE_FILTER = "area when shrinking, bilinear when enlarging; centre crop";
}
