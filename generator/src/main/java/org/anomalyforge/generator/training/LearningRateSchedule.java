package org.anomalyforge.generator.training;

/** Learning-rate factors (multiplying each group's base rate) per 1-based optimiser step n. */
@FunctionalInterface
public interface LearningRateSchedule {

    double factor(long step);

    /** Constant 1 (sd14 stage 1). */
    static LearningRateSchedule constant() {
        return n -> 1.0;
    }

    /** Linear warm-up n/w for n ≤ w, then constant (tiny stage 1, w = 25). */
    static LearningRateSchedule linearWarmup(int warmupSteps) {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
        return n -> warmupSteps == 0 ? 1.0 : Math.min(1.0, (double) n / warmupSteps);
    }

    /** Cosine from 1 at n = 1 to {@code floor} at n = total (stage 0: floor 0.1). */
    static LearningRateSchedule cosineTo(double floor, long total) {
        return n -> {
            if (total <= 1) {
                return 1.0;
            }
            double progress = Math.min(1.0, (double) (n - 1) / (total - 1));
            return floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }
}
