package org.anomalyforge.generator.sampling;

import java.util.Objects;

/**
 * Settings of the initial latent (seas.md §5.4): z_init = κ·z̃_ref + noiseScale·ε, or ε alone.
 *
 * <p>The original noises the <em>unscaled</em> VAE sample z_ref with the last value of a separate 1500-step
 * scaled-linear schedule, ᾱ* = ᾱ_1499: z = √ᾱ*·z_ref + √(1−ᾱ*)·ε. Written on the scaled latent z̃_ref = s·z_ref
 * that is κ = √ᾱ* / 0.18215 = 0.097945866 and noiseScale = 0.99984084 ({@link #seas()}); tiny keeps the same κ
 * and so the original's signal-to-noise ratio whatever its own s.
 *
 * @param init       {@link LatentInit#REFERENCE} (default) or {@link LatentInit#PURE_NOISE}
 * @param kappa      κ, the coefficient of z̃_ref, in [0, 1]
 * @param noiseScale the coefficient of ε, in (0, 1]
 */
public record InitialLatentConfig(LatentInit init, double kappa, double noiseScale) {

    /** The original's separate noising schedule length. */
    public static final int ORIGINAL_NOISING_STEPS = 1500;
    /** SD-1.4's VAE scaling factor s, which the original's formula implicitly divides by. */
    public static final double SD_VAE_SCALING = 0.18215;

    public InitialLatentConfig {
        Objects.requireNonNull(init, "init");
        if (!(kappa >= 0 && kappa <= 1)) {
            throw new IllegalArgumentException("kappa must be in [0, 1], got " + kappa);
        }
        if (!(noiseScale > 0 && noiseScale <= 1)) {
            throw new IllegalArgumentException("noiseScale must be in (0, 1], got " + noiseScale);
        }
        if (init == LatentInit.PURE_NOISE && (kappa != 0 || noiseScale != 1)) {
            throw new IllegalArgumentException("init PURE_NOISE means z_init = ε, so kappa must be 0 and noiseScale 1,"
                    + " got kappa " + kappa + " and noiseScale " + noiseScale);
        }
    }

    /** seas.md §5.4 defaults: REFERENCE with κ and noiseScale of the original's 1500-step schedule. */
    public static InitialLatentConfig seas() {
        return fromNoisingSchedule(ORIGINAL_NOISING_STEPS, SD_VAE_SCALING);
    }

    /** Plain Gaussian start z_init = ε (κ = 0, noiseScale = 1). */
    public static InitialLatentConfig pureNoise() {
        return new InitialLatentConfig(LatentInit.PURE_NOISE, 0.0, 1.0);
    }

    /**
     * κ and noiseScale from the last ᾱ of an n-step SD scaled-linear schedule (0.00085 → 0.012), applied to the
     * latent scaled by {@code vaeScaling}: κ = √ᾱ* / vaeScaling, noiseScale = √(1−ᾱ*). The original's issue
     * tracker reports visibly worse images with n = 1000 (κ = 0.375: far more of the reference survives).
     */
    public static InitialLatentConfig fromNoisingSchedule(int steps, double vaeScaling) {
        if (!(vaeScaling > 0)) {
            throw new IllegalArgumentException("vaeScaling must be positive, got " + vaeScaling);
        }
        NoiseScheduleConfig config = new NoiseScheduleConfig(steps, NoiseScheduleConfig.SD_BETA_START,
                NoiseScheduleConfig.SD_BETA_END, BetaSchedule.SCALED_LINEAR, PredictionType.EPSILON,
                TimestepSpacing.LINSPACE, 0);
        NoiseSchedule schedule = NoiseSchedule.of(config);
        int last = steps - 1;
        return new InitialLatentConfig(LatentInit.REFERENCE, schedule.alpha(last) / vaeScaling,
                schedule.sigma(last));
    }
}
