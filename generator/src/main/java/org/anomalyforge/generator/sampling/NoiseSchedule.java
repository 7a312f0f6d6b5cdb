package org.anomalyforge.generator.sampling;

import java.util.Objects;

/**
 * The float64 tables of one training schedule (seas.md §5.1): β_t, ᾱ_t = Π_{j≤t}(1 − β_j), α_t = √ᾱ_t,
 * σ_t = √(1 − ᾱ_t) and the half log-SNR λ_t = ln α_t − ln σ_t, for t = 0 … T_train − 1. Immutable.
 *
 * <p>Every scheduler coefficient is computed from these doubles and only cast to float32 when it multiplies a
 * tensor, so the §5.5 reference values hold to 1e-6 relative (diffusers keeps the tables in float32).
 */
public final class NoiseSchedule {

    private final NoiseScheduleConfig config;
    private final double[] betas;
    private final double[] alphasCumprod;

    private NoiseSchedule(NoiseScheduleConfig config, double[] betas, double[] alphasCumprod) {
        this.config = config;
        this.betas = betas;
        this.alphasCumprod = alphasCumprod;
    }

    /** Computes the tables of {@code config}. */
    public static NoiseSchedule of(NoiseScheduleConfig config) {
        Objects.requireNonNull(config, "config");
        int n = config.numTrainTimesteps();
        double[] betas = config.betaSchedule().betas(config.betaStart(), config.betaEnd(), n);
        double[] cumprod = new double[n];
        double product = 1.0;
        for (int t = 0; t < n; t++) {
            product *= 1.0 - betas[t];
            cumprod[t] = product;
        }
        return new NoiseSchedule(config, betas, cumprod);
    }

    /** The configuration these tables were computed from. */
    public NoiseScheduleConfig config() {
        return config;
    }

    /** T_train, the number of timesteps 0 … T_train − 1. */
    public int size() {
        return betas.length;
    }

    /** β_t. */
    public double beta(int t) {
        return betas[checked(t)];
    }

    /** ᾱ_t = Π_{j≤t}(1 − β_j); ᾱ_0 = 1 − β_0 (0.99915 for SD), never 1. */
    public double alphaCumprod(int t) {
        return alphasCumprod[checked(t)];
    }

    /** α_t = √ᾱ_t, the signal coefficient of z_t = α_t·z₀ + σ_t·ε. */
    public double alpha(int t) {
        return Math.sqrt(alphaCumprod(t));
    }

    /** σ_t = √(1 − ᾱ_t), the noise coefficient. */
    public double sigma(int t) {
        return Math.sqrt(1.0 - alphaCumprod(t));
    }

    /** λ_t = ln α_t − ln σ_t, the half log signal-to-noise ratio that DPM-Solver steps in. */
    public double lambda(int t) {
        return Math.log(alpha(t)) - Math.log(sigma(t));
    }

    /** A copy of all ᾱ_t, index = timestep. */
    public double[] alphasCumprod() {
        return alphasCumprod.clone();
    }

    private int checked(int t) {
        if (t < 0 || t >= betas.length) {
            throw new IllegalArgumentException("timestep must be in [0, " + (betas.length - 1) + "], got " + t);
        }
        return t;
    }
}
