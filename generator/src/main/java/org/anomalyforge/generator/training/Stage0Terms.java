package org.anomalyforge.generator.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stage-0 loss terms of one step (seas.md §6).
 *
 * @param reconstruction mean|x̂ − x|
 * @param kl             mean KL per latent element
 * @param total          reconstruction + 1e-4·kl
 */
public record Stage0Terms(double reconstruction, double kl, double total) {

    /** The progress map: recon, kl, total. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("recon", reconstruction);
        m.put("kl", kl);
        m.put("total", total);
        return m;
    }
}
