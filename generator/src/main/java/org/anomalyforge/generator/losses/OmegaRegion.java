package org.anomalyforge.generator.losses;

/** The region Ω_r of the DA normal-token term (seas.md §2.8, §7.4). */
public enum OmegaRegion {
    /** mvtec, custom: cells fully inside the defect, G ≥ 1 − 1e-6. */
    FULL,
    /** visa, mvtec3d: cells touching the defect, G > 0. */
    ANY;

    /** Whether a target cell value belongs to Ω. */
    public boolean contains(float g) {
        return this == FULL ? g >= 1f - 1e-6f : g > 0f;
    }
}
