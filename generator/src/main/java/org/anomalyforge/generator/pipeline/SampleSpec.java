package org.anomalyforge.generator.pipeline;

import java.util.Objects;

/**
 * One image of a sampler batch.
 *
 * @param prompt    the conditional prompt (a UA prompt or {@code a ob1})
 * @param seed      seed_j (stream 0: initial noise ε_j, stream 1: reference posterior ξ_j)
 * @param guidance  CFG scale g ≥ 0
 * @param reference the preprocessed reference normal image [3, S, S] in [−1, 1], or {@code null} for a Gaussian
 *                  start
 */
public record SampleSpec(String prompt, long seed, double guidance, float[] reference) {

    public SampleSpec {
        Objects.requireNonNull(prompt, "SampleSpec.prompt");
        if (!(guidance >= 0) || Double.isInfinite(guidance)) {
            throw new IllegalArgumentException("SampleSpec.guidance must be finite and >= 0, got " + guidance);
        }
    }
}
