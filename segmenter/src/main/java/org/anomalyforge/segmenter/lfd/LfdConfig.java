package org.anomalyforge.segmenter.lfd;

import ai.djl.ndarray.types.Shape;

/**
 * Immutable configuration of an LFD network (LFD spec §2.7, §4); the only way to build an {@link LfdNet}.
 *
 * <p>The input size is the network's nominal frame size (training, inference, initialisation shape).
 * Parameter shapes do not depend on it, so a network built for 256×256 also runs on any other valid
 * size. Sizes must be multiples of 32 (so H/16 and W/32 are integers and every resize is exact) and at
 * least 32 (context grid 2×1, so BN never sees a single value per channel).
 *
 * @param inputHeight frame height H, a multiple of 32, ≥ 32
 * @param inputWidth  frame width W, a multiple of 32, ≥ 32
 * @param seed        seed of the §2.7 initialisation; the same seed gives bitwise-identical weights
 */
public record LfdConfig(int inputHeight, int inputWidth, long seed) {

    /** Side lengths must be multiples of this (the context branch's horizontal stride). */
    public static final int SIZE_MULTIPLE = 32;
    /** Number of input channels (RGB). */
    public static final int INPUT_CHANNELS = 3;
    /** Default frame side (the SeaS protocol). */
    public static final int DEFAULT_SIZE = 256;
    /** Default initialisation seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Validates both sizes. */
    public LfdConfig {
        checkSide("inputHeight", inputHeight);
        checkSide("inputWidth", inputWidth);
    }

    /** 256×256, seed 42. */
    public static LfdConfig defaults() {
        return new LfdConfig(DEFAULT_SIZE, DEFAULT_SIZE, DEFAULT_SEED);
    }

    /** This configuration with another seed. */
    public LfdConfig withSeed(long newSeed) {
        return new LfdConfig(inputHeight, inputWidth, newSeed);
    }

    /**
     * The nominal input shape.
     *
     * @param batch B ≥ 1
     * @return B×3×H×W
     */
    public Shape inputShape(long batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
        }
        return new Shape(batch, INPUT_CHANNELS, inputHeight, inputWidth);
    }

    /**
     * Checks a network input against the §4 contract: rank 4, 3 channels, H and W positive multiples of
     * 32 and at least 32.
     *
     * @param x the input shape
     * @throws IllegalArgumentException naming the offending shape and rule
     */
    public static void validateInput(Shape x) {
        if (x.dimension() != 4) {
            throw new IllegalArgumentException("LFD input must be B×3×H×W (rank 4), got shape " + x);
        }
        if (x.get(0) < 1) {
            throw new IllegalArgumentException("LFD input batch must be ≥ 1, got shape " + x);
        }
        if (x.get(1) != INPUT_CHANNELS) {
            throw new IllegalArgumentException("LFD input must have 3 channels (RGB), got " + x.get(1)
                    + " in shape " + x);
        }
        for (int axis = 2; axis < 4; axis++) {
            long side = x.get(axis);
            if (side < SIZE_MULTIPLE || side % SIZE_MULTIPLE != 0) {
                throw new IllegalArgumentException("LFD input " + (axis == 2 ? "height" : "width")
                        + " must be a multiple of 32 and ≥ 32, got " + side + " in shape " + x);
            }
        }
    }

    private static void checkSide(String field, int value) {
        if (value < SIZE_MULTIPLE || value % SIZE_MULTIPLE != 0) {
            throw new IllegalArgumentException(field + " must be a multiple of 32 and ≥ 32, got " + value);
        }
    }
}
