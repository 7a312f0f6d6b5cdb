package org.anomalyforge.segmenter;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Immutable training options (LFD spec §5.5–§5.6). Start from {@link #of(LfdPreset)} and adjust with the
 * {@code with…} copies.
 *
 * @param preset        epoch budget and selection rule
 * @param inputSize     square network input side H = W: a multiple of 32, ≥ 32 (§4)
 * @param batchSize     B ≥ 2 (BatchNorm needs more than one value per channel at 32²)
 * @param epochs        ≥ 1
 * @param iterationCap  cap on T ≥ 1 ({@link Integer#MAX_VALUE} = none)
 * @param seed          seed of the initialisation, the split, the shuffling and the augmentation
 * @param augmentation  §5.3 preset
 * @param initResNet18  torchvision ResNet-18 safetensors for the §3.3 stem initialisation; null = from scratch
 */
public record LfdTrainingOptions(LfdPreset preset, int inputSize, int batchSize, int epochs, int iterationCap,
                                 long seed, AugmentationPreset augmentation, Path initResNet18) {

    /** Default seed (§5.5). */
    public static final long DEFAULT_SEED = 42L;

    /** Validates every field. */
    public LfdTrainingOptions {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(augmentation, "augmentation");
        if (inputSize < 32 || inputSize % 32 != 0) {
            throw new IllegalArgumentException("inputSize must be a multiple of 32 and ≥ 32, got " + inputSize);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be ≥ 2, got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        }
        if (iterationCap < 1) {
            throw new IllegalArgumentException("iterationCap must be ≥ 1, got " + iterationCap);
        }
    }

    /** The preset's values, seed 42, SCRATCH augmentation (the from-scratch default), no ImageNet init. */
    public static LfdTrainingOptions of(LfdPreset preset) {
        Objects.requireNonNull(preset, "preset");
        return new LfdTrainingOptions(preset, preset.inputSize(), preset.batchSize(), preset.epochs(),
                preset.iterationCap(), DEFAULT_SEED, AugmentationPreset.SCRATCH, null);
    }

    /** A copy with another input size. */
    public LfdTrainingOptions withInputSize(int size) {
        return new LfdTrainingOptions(preset, size, batchSize, epochs, iterationCap, seed, augmentation, initResNet18);
    }

    /** A copy with another batch size. */
    public LfdTrainingOptions withBatchSize(int size) {
        return new LfdTrainingOptions(preset, inputSize, size, epochs, iterationCap, seed, augmentation, initResNet18);
    }

    /** A copy with another number of epochs. */
    public LfdTrainingOptions withEpochs(int count) {
        return new LfdTrainingOptions(preset, inputSize, batchSize, count, iterationCap, seed, augmentation, initResNet18);
    }

    /** A copy with another iteration cap. */
    public LfdTrainingOptions withIterationCap(int cap) {
        return new LfdTrainingOptions(preset, inputSize, batchSize, epochs, cap, seed, augmentation, initResNet18);
    }

    /** A copy with another seed. */
    public LfdTrainingOptions withSeed(long newSeed) {
        return new LfdTrainingOptions(preset, inputSize, batchSize, epochs, iterationCap, newSeed, augmentation,
                initResNet18);
    }

    /** A copy with another augmentation preset. */
    public LfdTrainingOptions withAugmentation(AugmentationPreset newAugmentation) {
        return new LfdTrainingOptions(preset, inputSize, batchSize, epochs, iterationCap, seed, newAugmentation,
                initResNet18);
    }

    /** A copy with (or, for null, without) ImageNet stem initialisation; the augmentation is not changed. */
    public LfdTrainingOptions withInitResNet18(Path file) {
        return new LfdTrainingOptions(preset, inputSize, batchSize, epochs, iterationCap, seed, augmentation, file);
    }
}
