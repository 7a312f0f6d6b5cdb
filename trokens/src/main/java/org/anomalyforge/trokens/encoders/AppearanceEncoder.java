package org.anomalyforge.trokens.encoders;

import java.util.List;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A frozen per-frame patch encoder (spec §6): RGB frames of any size are squashed (no crop, no letterbox)
 * to the encoder's input size and mapped to a {@code G × G} grid of {@code A}-dimensional features, so track
 * coordinates map linearly to the grid. Implementations: {@link PatchDescriptorEncoder} (weight-free,
 * {@code A = 16}) and the DINOv2 encoders in {@code trokens.encoders.dinov2}.
 */
public interface AppearanceEncoder {

    /** Stable identifier used in cache keys and manifests, e.g. {@code patch-descriptor-v1}. */
    String id();

    /** Grid side {@code G} (16 for all built-in encoders). */
    int gridSize();

    /** Feature width {@code A}. */
    int featureDim();

    /**
     * Encodes frames independently.
     *
     * @param frames {@code F ≥ 1} RGB frames, any size (all frames of one call should share a size)
     * @return features of shape {@code [F, G, G, A]}
     */
    PatchGrid encode(List<RgbImage> frames);
}
