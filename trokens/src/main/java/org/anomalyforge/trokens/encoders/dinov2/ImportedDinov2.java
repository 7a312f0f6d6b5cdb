package org.anomalyforge.trokens.encoders.dinov2;

import java.util.Map;

/**
 * A verified DINOv2 checkpoint in our layout (original DINOv2 names, fused qkv, no {@code mask_token}) with
 * the position table already resized to the encoder grid.
 *
 * @param config          the architecture, {@code positionGrid == gridSize}
 * @param weights         dotted name → F32 values, row-major; unmodifiable
 * @param sourceNaming    key layout of the imported file
 * @param sourceParameters parameter total of the imported file (table value of §6.2)
 */
public record ImportedDinov2(Dinov2Config config, Map<String, float[]> weights, Dinov2Naming sourceNaming,
                             long sourceParameters) {

    public ImportedDinov2 {
        if (config.positionGrid() != config.gridSize()) {
            throw new IllegalArgumentException("imported position grid must equal gridSize " + config.gridSize()
                    + ", got " + config.positionGrid());
        }
        weights = Map.copyOf(weights);
    }
}
