package org.anomalyforge.generator.sampling;

import ai.djl.ndarray.NDArray;

/**
 * DPM-Solver++ 2M (Lu et al. 2022): multistep, data prediction, midpoint second-order update, exactly as
 * seas.md §5.3 and diffusers' {@code DPMSolverMultistepScheduler} with {@code algorithm_type="dpmsolver++"},
 * {@code solver_order=2}, {@code solver_type="midpoint"}, no thresholding.
 *
 * <p>From s₀ = t_k to t = t_{k+1} (t = 0 after the last grid point, with ᾱ₀ = 1 − β₀, not 1), with
 * x̂₀,k = (x_k − σ_{s₀}·ε_k)/α_{s₀} and h = λ_t − λ_{s₀}:
 * <pre>
 * first order (k = 0):   x_{k+1} = (σ_t/σ_{s₀})·x_k − α_t·(e^{−h} − 1)·x̂₀,k
 * second order (k ≥ 1):  r₀ = (λ_{s₀} − λ_{s₁})/h with s₁ = t_{k−1}, D₀ = x̂₀,k, D₁ = (x̂₀,k − x̂₀,k−1)/r₀
 *                        x_{k+1} = (σ_t/σ_{s₀})·x_k − α_t·(e^{−h} − 1)·D₀ − ½·α_t·(e^{−h} − 1)·D₁
 * </pre>
 * The last step falls back to first order only when {@code lowerOrderFinal} and N &lt; 15 (diffusers'
 * {@code lower_order_final}), so never at N = 25. Steps must be taken in grid order: the solver keeps the
 * previous x̂₀ (a detached copy it owns, released by {@link #setTimesteps} and {@link #close}).
 */
public final class DpmSolverMultistepScheduler extends BaseNoiseScheduler {

    /** Below this many steps the final update is first order when {@code lowerOrderFinal} (diffusers: 15). */
    public static final int LOWER_ORDER_FINAL_BELOW = 15;

    private final boolean lowerOrderFinal;
    private NDArray previousDataPrediction;
    private int stepIndex;

    /** DPM-Solver++ 2M with SD's {@code lower_order_final = true}. */
    public DpmSolverMultistepScheduler(NoiseScheduleConfig config) {
        this(config, true);
    }

    /**
     * DPM-Solver++ 2M.
     *
     * @param lowerOrderFinal use a first-order final step when fewer than 15 steps are taken
     */
    public DpmSolverMultistepScheduler(NoiseScheduleConfig config, boolean lowerOrderFinal) {
        super(config);
        this.lowerOrderFinal = lowerOrderFinal;
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    int[] computeTimesteps(int numInferenceSteps) {
        NoiseScheduleConfig config = config();
        return config.timestepSpacing().timesteps(config.numTrainTimesteps(), numInferenceSteps,
                config.stepsOffset());
    }

    @Override
    void resetHistory() {
        if (previousDataPrediction != null) {
            previousDataPrediction.close();
            previousDataPrediction = null;
        }
        stepIndex = 0;
    }

    @Override
    public StepResult step(NDArray modelOutput, int timestep, NDArray sample, StepNoise noise) {
        int[] grid = requireTimesteps();
        if (stepIndex >= grid.length) {
            throw new IllegalStateException("all " + grid.length + " steps were taken; call setTimesteps to "
                    + "sample again");
        }
        int k = stepIndex;
        if (timestep != grid[k]) {
            throw new IllegalArgumentException("DPM-Solver++ steps in grid order: expected timestep " + grid[k]
                    + " at step " + k + ", got " + timestep);
        }
        int target = k + 1 < grid.length ? grid[k + 1] : 0;
        NDArray dataPrediction = dataPrediction(modelOutput, timestep, sample);
        NoiseSchedule schedule = schedule();
        double h = schedule.lambda(target) - schedule.lambda(timestep);
        double sampleCoefficient = schedule.sigma(target) / schedule.sigma(timestep);
        // c = α_t·(e^{−h} − 1); expm1 keeps it accurate for small h.
        double c = schedule.alpha(target) * Math.expm1(-h);
        boolean lastStep = k == grid.length - 1;
        boolean firstOrder = k == 0 || (lastStep && lowerOrderFinal && grid.length < LOWER_ORDER_FINAL_BELOW);
        NDArray prevSample;
        if (firstOrder) {
            prevSample = LinearCombination.of(new double[] {sampleCoefficient, -c}, sample, dataPrediction);
        } else {
            double r0 = (schedule.lambda(timestep) - schedule.lambda(grid[k - 1])) / h;
            // −c·D₀ − ½c·D₁ with D₁ = (D₀ − x̂₀,k−1)/r₀, expanded into one coefficient per tensor.
            double currentCoefficient = -c - c / (2.0 * r0);
            double previousCoefficient = c / (2.0 * r0);
            prevSample = LinearCombination.of(new double[] {sampleCoefficient, currentCoefficient,
                previousCoefficient}, sample, dataPrediction, previousDataPrediction);
        }
        rememberDataPrediction(dataPrediction);
        stepIndex = k + 1;
        return new StepResult(prevSample, dataPrediction);
    }

    /** Keeps a detached copy so the caller may close its own arrays between steps. */
    private void rememberDataPrediction(NDArray dataPrediction) {
        NDArray copy = dataPrediction.duplicate();
        copy.detach();
        if (previousDataPrediction != null) {
            previousDataPrediction.close();
        }
        previousDataPrediction = copy;
    }
}
