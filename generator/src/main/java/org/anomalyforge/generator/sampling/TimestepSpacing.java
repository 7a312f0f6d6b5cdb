package org.anomalyforge.generator.sampling;

/**
 * How N inference timesteps are picked from the training schedule (diffusers {@code timestep_spacing}, as
 * {@code DPMSolverMultistepScheduler.set_timesteps} defines it). Both give a strictly decreasing grid
 * t_0 &gt; … &gt; t_{N−1} ≥ 1; the sampler steps t_k → t_{k+1} and the last step goes to t = 0 (seas.md §5.3).
 */
public enum TimestepSpacing {
    /**
     * t_k = round(T'·(N−k)/N), k = 0..N−1, with T' = T_train − 1 and round half to even as numpy's
     * {@code np.linspace(0, T', N + 1).round()[::-1][:-1]}. SD-1.4's config has no {@code timestep_spacing}
     * entry, so this is the solver's default; N = 25 gives 999, 959, …, 80, 40.
     */
    LINSPACE("linspace"),
    /**
     * t_k = (N−k)·⌊T_train/(N+1)⌋ + steps_offset, k = 0..N−1; N = 25 with SD's offset 1 gives 951, 913, …, 39
     * (the spacing a comment in the original hints at).
     */
    LEADING("leading");

    private final String diffusersName;

    TimestepSpacing(String diffusersName) {
        this.diffusersName = diffusersName;
    }

    /** The spelling used in diffusers' {@code scheduler_config.json}. */
    public String diffusersName() {
        return diffusersName;
    }

    /**
     * Resolves a diffusers {@code timestep_spacing} value.
     *
     * @throws IllegalArgumentException for {@code trailing} (not offered) or anything else
     */
    public static TimestepSpacing fromDiffusersName(String name) {
        for (TimestepSpacing spacing : values()) {
            if (spacing.diffusersName.equals(name)) {
                return spacing;
            }
        }
        throw new IllegalArgumentException("timestep_spacing must be one of linspace, leading, got " + name);
    }

    /**
     * The N inference timesteps, largest first.
     *
     * @param numTrainTimesteps T_train (1000 for SD)
     * @param numInferenceSteps N, at least 1
     * @param stepsOffset       added to every timestep under {@link #LEADING}; ignored by {@link #LINSPACE},
     *                          exactly as in diffusers
     * @throws IllegalArgumentException if N is out of range or the grid would not be strictly decreasing
     *                                  within [1, T_train − 1]
     */
    public int[] timesteps(int numTrainTimesteps, int numInferenceSteps, int stepsOffset) {
        if (numInferenceSteps < 1) {
            throw new IllegalArgumentException("numInferenceSteps must be at least 1, got " + numInferenceSteps);
        }
        int n = numInferenceSteps;
        int[] timesteps = new int[n];
        if (this == LINSPACE) {
            // numpy's linspace: point i = i·step for i < N, point N = stop exactly.
            double stop = numTrainTimesteps - 1;
            double step = stop / n;
            for (int k = 0; k < n; k++) {
                int i = n - k;
                timesteps[k] = (int) Math.rint(i == n ? stop : i * step);
            }
        } else {
            int ratio = numTrainTimesteps / (n + 1);
            for (int k = 0; k < n; k++) {
                timesteps[k] = (n - k) * ratio + stepsOffset;
            }
        }
        for (int k = 0; k < n; k++) {
            boolean inRange = timesteps[k] >= 1 && timesteps[k] <= numTrainTimesteps - 1;
            boolean decreasing = k == 0 || timesteps[k] < timesteps[k - 1];
            if (!inRange || !decreasing) {
                throw new IllegalArgumentException(diffusersName + " spacing with numInferenceSteps " + n
                        + " over " + numTrainTimesteps + " training steps gives timestep " + timesteps[k]
                        + " at index " + k + "; timesteps must be strictly decreasing within [1, "
                        + (numTrainTimesteps - 1) + "]");
            }
        }
        return timesteps;
    }
}
