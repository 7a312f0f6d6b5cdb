package org.anomalyforge.generator;

import java.util.Objects;

/**
 * One image to generate (seas.md §9.2).
 *
 * @param defectType      a defect type of the model, or {@code null} for a normal image (prompt {@code a ob1})
 * @param seed            seed_j: stream 0 draws the initial noise, stream 1 the reference posterior sample
 * @param guidance        classifier-free guidance g ≥ 0 (ε = ε_u + g·(ε_c − ε_u); tiny default 3)
 * @param steps           solver steps (spec 25)
 * @param sampler         solver
 * @param referenceNormal encoded normal image for the noised-reference start (§5.4), {@code null} = Gaussian start
 */
public record GenerationRequest(String defectType, long seed, double guidance, int steps, SamplerKind sampler,
        byte[] referenceNormal) {

    public GenerationRequest {
        Objects.requireNonNull(sampler, "GenerationRequest.sampler");
        if (!(guidance >= 0) || Double.isInfinite(guidance)) {
            throw new IllegalArgumentException("GenerationRequest.guidance must be finite and >= 0, got " + guidance);
        }
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("GenerationRequest.steps must be in 1..1000, got " + steps);
        }
    }
}
