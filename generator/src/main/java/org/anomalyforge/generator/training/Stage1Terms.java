package org.anomalyforge.generator.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The logged loss terms of one stage-1 micro-batch or step (seas.md §7.3 "Logging").
 *
 * @param anomaly    L_anom (ε-MSE on the anomaly half)
 * @param normal     L_NA (ε-MSE on the normal half)
 * @param da         r → L_DA^r (0 when every anomaly prompt was dropped)
 * @param emptyOmega micro-batches whose DA term 2 had an empty Ω (summed over resolutions)
 * @param total      L_anom + L_NA + Σ_r L_DA^r
 * @param skipped    optimiser steps skipped because the gradient norm was not finite (0 or 1 per step)
 */
public record Stage1Terms(double anomaly, double normal, Map<Integer, Double> da, int emptyOmega, double total,
        int skipped) {

    /** Terms of a micro-batch or an applied step. */
    public Stage1Terms(double anomaly, double normal, Map<Integer, Double> da, int emptyOmega, double total) {
        this(anomaly, normal, da, emptyOmega, total, 0);
    }

    public Stage1Terms {
        da = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(da));
    }

    /** Σ_r L_DA^r. */
    public double daTotal() {
        return da.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The progress map: eps_mse, na, da, total, da_r&lt;r&gt;, da_empty_omega. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("eps_mse", anomaly);
        m.put("na", normal);
        m.put("da", daTotal());
        m.put("total", total);
        da.forEach((r, v) -> m.put("da_r" + r, v));
        m.put("da_empty_omega", (double) emptyOmega);
        m.put("skipped_steps", (double) skipped);
        return m;
    }

    /** The same terms, marked as a skipped step. */
    public Stage1Terms asSkipped() {
        return new Stage1Terms(anomaly, normal, da, emptyOmega, total, 1);
    }

    /** The mean of several micro-batches' terms (empty-Ω counts are summed). */
    public static Stage1Terms mean(java.util.List<Stage1Terms> parts) {
        int n = parts.size();
        Map<Integer, Double> da = new LinkedHashMap<>();
        for (Stage1Terms p : parts) {
            p.da.forEach((r, v) -> da.merge(r, v / n, Double::sum));
        }
        return new Stage1Terms(parts.stream().mapToDouble(Stage1Terms::anomaly).sum() / n,
                parts.stream().mapToDouble(Stage1Terms::normal).sum() / n, da,
                parts.stream().mapToInt(Stage1Terms::emptyOmega).sum(),
                parts.stream().mapToDouble(Stage1Terms::total).sum() / n,
                parts.stream().mapToInt(Stage1Terms::skipped).sum());
    }
}
