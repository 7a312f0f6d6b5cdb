package org.anomalyforge.generator.bench;

/**
 * What {@link SeasBenchmark} runs.
 *
 * @param imageSize     tiny image side S (64 = the CPU default)
 * @param warmupSteps   untimed steps / batches before each measurement (JIT, allocator)
 * @param measuredSteps timed stage-0 / stage-1 optimiser steps and generation batches
 * @param samplerSteps  solver steps per generated image (spec 25)
 * @param seed          initialisation and data seed
 */
public record BenchmarkSettings(int imageSize, int warmupSteps, int measuredSteps, int samplerSteps, long seed) {

    public BenchmarkSettings {
        if (imageSize < 32 || imageSize % 32 != 0) {
            throw new IllegalArgumentException("BenchmarkSettings.imageSize must be a positive multiple of 32, got "
                    + imageSize);
        }
        if (warmupSteps < 0 || measuredSteps < 1 || samplerSteps < 1) {
            throw new IllegalArgumentException("BenchmarkSettings needs warmupSteps >= 0, measuredSteps >= 1 and"
                    + " samplerSteps >= 1, got " + warmupSteps + ", " + measuredSteps + ", " + samplerSteps);
        }
    }

    /** 64² tiny, 2 warm-up and 5 timed steps, 25 solver steps. */
    public static BenchmarkSettings tiny() {
        return new BenchmarkSettings(64, 2, 5, 25, 0);
    }
}
