package org.anomalyforge.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Stage 2 (refined mask prediction, seas.md §8) on top of a committed stage-1 run: the same few-shot data the run was
 * fine-tuned on; the U-Net, text encoder and VAE stay frozen and only the RMP trains. The result is a new run of kind
 * {@code seas} in {@code store} holding the parent's networks plus {@code weights/rmp.safetensors}.
 *
 * @param parentRun            committed stage-1 run folder (verified before use)
 * @param anomalies            the few-shot defect images with masks (must be those of the parent's {@code split.json})
 * @param normals              the normal images (the first {@value SeasFinetuneRequest#MAX_NORMALS} are used)
 * @param steps                optimiser steps; {@link #AUTO_STEPS} = 80·T (tiny) or 800·T (sd14)
 * @param recalibrationBatches BN recalibration micro-batches after training (§8.4); {@link #AUTO_STEPS} = 16 (tiny)
 *                             or 32 (sd14); a negative value switches recalibration off
 * @param seed                 seed of every random draw of stage 2
 * @param store                model store root
 * @param codeVersion          recorded in the manifest
 */
public record SeasMaskTrainingRequest(Path parentRun, List<ShotImage> anomalies, List<byte[]> normals, int steps,
                                      int recalibrationBatches, long seed, Path store, String codeVersion) {

    /** Use the profile's default. */
    public static final int AUTO_STEPS = 0;

    public SeasMaskTrainingRequest {
        Objects.requireNonNull(parentRun, "SeasMaskTrainingRequest.parentRun");
        Objects.requireNonNull(store, "SeasMaskTrainingRequest.store");
        Objects.requireNonNull(codeVersion, "SeasMaskTrainingRequest.codeVersion");
        anomalies = List.copyOf(anomalies);
        normals = List.copyOf(normals);
        if (anomalies.isEmpty()) {
            throw new IllegalArgumentException("stage 2 needs at least one few-shot defect image, got none");
        }
        if (normals.isEmpty()) {
            throw new IllegalArgumentException("stage 2 needs at least one normal image, got none");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("SeasMaskTrainingRequest.steps must be >= 0 (0 = auto), got " + steps);
        }
    }

    /** The normal images used: the first {@value SeasFinetuneRequest#MAX_NORMALS}, as in stage 1. */
    public List<byte[]> usedNormals() {
        return normals.size() <= SeasFinetuneRequest.MAX_NORMALS ? normals
                : normals.subList(0, SeasFinetuneRequest.MAX_NORMALS);
    }
}
