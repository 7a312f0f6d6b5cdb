package org.anomalyforge.generator.sampling;

/**
 * How the per-step noise variances β_i of the training schedule are laid out (diffusers {@code beta_schedule}).
 * Computed in float64 (seas.md §5.1), not in float32 as diffusers does, so the §5.5 reference values hold to
 * 1e-6 relative.
 */
public enum BetaSchedule {
    /** β_i = (√β_start + (√β_end − √β_start)·i/(n−1))², Stable Diffusion's {@code scaled_linear}. */
    SCALED_LINEAR("scaled_linear"),
    /** β_i = β_start + (β_end − β_start)·i/(n−1), the DDPM paper's {@code linear}. */
    LINEAR("linear");

    private final String diffusersName;

    BetaSchedule(String diffusersName) {
        this.diffusersName = diffusersName;
    }

    /** The spelling used in diffusers' {@code scheduler_config.json}. */
    public String diffusersName() {
        return diffusersName;
    }

    /**
     * Resolves a diffusers {@code beta_schedule} value.
     *
     * @throws IllegalArgumentException for any other spelling (e.g. {@code squaredcos_cap_v2}, unsupported)
     */
    public static BetaSchedule fromDiffusersName(String name) {
        for (BetaSchedule schedule : values()) {
            if (schedule.diffusersName.equals(name)) {
                return schedule;
            }
        }
        throw new IllegalArgumentException("beta_schedule must be one of scaled_linear, linear, got " + name);
    }

    /**
     * The n betas β_0 … β_{n−1}.
     *
     * @param betaStart β_0, in (0, 1)
     * @param betaEnd   β_{n−1}, in [betaStart, 1)
     * @param n         number of training timesteps, at least 2
     */
    public double[] betas(double betaStart, double betaEnd, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("number of timesteps must be at least 2, got " + n);
        }
        double[] betas = new double[n];
        double last = n - 1;
        if (this == SCALED_LINEAR) {
            double rootStart = Math.sqrt(betaStart);
            double rootEnd = Math.sqrt(betaEnd);
            for (int i = 0; i < n; i++) {
                double root = rootStart + (rootEnd - rootStart) * (i / last);
                betas[i] = root * root;
            }
        } else {
            for (int i = 0; i < n; i++) {
                betas[i] = betaStart + (betaEnd - betaStart) * (i / last);
            }
        }
        return betas;
    }
}
