package org.anomalyforge.generator;

import java.nio.file.Path;

/**
 * Fine-tuning settings (seas.md §6, §7.2).
 *
 * @param profile              model profile
 * @param imageSize            image side S (multiple of 32; tiny 64 keeps a CPU run in minutes, the spec's 128 works too)
 * @param stage0Steps          stage-0 autoencoder steps (tiny only; ignored for sd14)
 * @param stage1Steps          stage-1 optimiser steps; {@link #AUTO_STEPS} = the spec default (tiny 250·T, sd14 800·T)
 * @param batchSize            anomaly images per micro-batch b (each micro-batch also holds b normal images)
 * @param gradientAccumulation micro-batches per optimiser step
 * @param seed                 run seed (initialisation, item stream, noise)
 * @param sdInit               diffusers SD-1.4 folder for sd14 (required when training starts), {@code null} for tiny
 */
public record SeasFinetuneOptions(SeasProfile profile, int imageSize, int stage0Steps, int stage1Steps, int batchSize,
        int gradientAccumulation, long seed, Path sdInit) {

    /** stage1Steps value meaning "the spec default per defect type count". */
    public static final int AUTO_STEPS = 0;

    public SeasFinetuneOptions {
        if (profile == null) {
            throw new IllegalArgumentException("SeasFinetuneOptions.profile must be set, got null");
        }
        if (imageSize < 32 || imageSize % 32 != 0) {
            throw new IllegalArgumentException("SeasFinetuneOptions.imageSize must be a positive multiple of 32, got "
                    + imageSize);
        }
        if (stage0Steps < 0) {
            throw new IllegalArgumentException("SeasFinetuneOptions.stage0Steps must be >= 0, got " + stage0Steps);
        }
        if (profile == SeasProfile.TINY && stage0Steps == 0) {
            throw new IllegalArgumentException("SeasFinetuneOptions.stage0Steps must be >= 1 for tiny (no pretrained"
                    + " VAE exists), got 0");
        }
        if (stage1Steps < 0) {
            throw new IllegalArgumentException("SeasFinetuneOptions.stage1Steps must be >= 0 (0 = spec default), got "
                    + stage1Steps);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("SeasFinetuneOptions.batchSize must be >= 1, got " + batchSize);
        }
        if (gradientAccumulation < 1) {
            throw new IllegalArgumentException("SeasFinetuneOptions.gradientAccumulation must be >= 1, got "
                    + gradientAccumulation);
        }
        if (profile == SeasProfile.TINY && sdInit != null) {
            throw new IllegalArgumentException("SeasFinetuneOptions.sdInit must be null for profile TINY, got "
                    + sdInit);
        }
    }

    /** tiny at 64² (latent 8²): stage 0 400 steps, stage 1 250·T steps, b = 2, accumulation 2, seed 0. */
    public static SeasFinetuneOptions tinyDefaults() {
        return new SeasFinetuneOptions(SeasProfile.TINY, 64, 400, AUTO_STEPS, 2, 2, 0L, null);
    }

    /** sd14 at 512²: stage 1 800·T steps, b = 2, accumulation 2; set the folder with {@link #withSdInit}. */
    public static SeasFinetuneOptions sd14Defaults() {
        return new SeasFinetuneOptions(SeasProfile.SD14, 512, 0, AUTO_STEPS, 2, 2, 0L, null);
    }

    public SeasFinetuneOptions withSdInit(Path value) {
        return new SeasFinetuneOptions(profile, imageSize, stage0Steps, stage1Steps, batchSize, gradientAccumulation,
                seed, value);
    }

    public SeasFinetuneOptions withImageSize(int value) {
        return new SeasFinetuneOptions(profile, value, stage0Steps, stage1Steps, batchSize, gradientAccumulation, seed,
                sdInit);
    }

    public SeasFinetuneOptions withStage0Steps(int value) {
        return new SeasFinetuneOptions(profile, imageSize, value, stage1Steps, batchSize, gradientAccumulation, seed,
                sdInit);
    }

    public SeasFinetuneOptions withStage1Steps(int value) {
        return new SeasFinetuneOptions(profile, imageSize, stage0Steps, value, batchSize, gradientAccumulation, seed,
                sdInit);
    }

    public SeasFinetuneOptions withBatchSize(int value) {
        return new SeasFinetuneOptions(profile, imageSize, stage0Steps, stage1Steps, value, gradientAccumulation, seed,
                sdInit);
    }

    public SeasFinetuneOptions withGradientAccumulation(int value) {
        return new SeasFinetuneOptions(profile, imageSize, stage0Steps, stage1Steps, batchSize, value, seed, sdInit);
    }

    public SeasFinetuneOptions withSeed(long value) {
        return new SeasFinetuneOptions(profile, imageSize, stage0Steps, stage1Steps, batchSize, gradientAccumulation,
                value, sdInit);
    }

    /** Stage-1 optimiser steps for {@code defectTypes} types: the explicit value or 250·T (tiny) / 800·T (sd14). */
    public int resolvedStage1Steps(int defectTypes) {
        if (stage1Steps != AUTO_STEPS) {
            return stage1Steps;
        }
        return (profile == SeasProfile.TINY ? 250 : 800) * defectTypes;
    }
}
