package org.anomalyforge.generator.training;

import java.util.HashMap;
import java.util.Map;

/**
 * Posterior moments (μ, logvar) of the frozen encoder per (image, augmentation), as seas.md §7.3 step 2 allows:
 * exact because the encoder is frozen and ξ is drawn anew each time. At most 12 dihedral keys per image exist
 * (4 rotations × 3 flips, 8 distinct transforms), so the cache is bounded by the data set.
 */
final class LatentCache {

    /** Moments of one image: μ and logvar, [latent, r, r] each. */
    record Moments(float[] mean, float[] logvar) {
    }

    private final Map<String, Moments> byKey = new HashMap<>();

    Moments get(String key) {
        return byKey.get(key);
    }

    void put(String key, Moments moments) {
        byKey.put(key, moments);
    }

    int size() {
        return byKey.size();
    }
}
