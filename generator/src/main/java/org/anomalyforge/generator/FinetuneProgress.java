package org.anomalyforge.generator;

import java.util.Map;

/**
 * Progress callbacks of {@link Seas#finetune}. Stage 0 reports the keys {@code recon, kl, total}; stage 1 reports
 * {@code eps_mse, na, da, total} plus {@code da_r<r>} per DA resolution and {@code da_empty_omega} (micro-batches of
 * the step whose DA term 2 had an empty region). Called on the training thread; an exception thrown here aborts
 * the run, leaving its last checkpoint for a resume.
 */
public interface FinetuneProgress {

    /** A stage starts: {@code "stage0"} or {@code "stage1"}, with its optimiser steps. */
    void onStage(String stage, long totalSteps);

    /** Optimiser step {@code step} (1-based) finished with these loss terms (means over its micro-batches). */
    void onStep(long step, Map<String, Double> losses, double lr);

    /** Ignores every event. */
    FinetuneProgress NONE = new FinetuneProgress() {
        @Override
        public void onStage(String stage, long totalSteps) {
        }

        @Override
        public void onStep(long step, Map<String, Double> losses, double lr) {
        }
    };
}
