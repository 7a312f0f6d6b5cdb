package org.anomalyforge.generator.sampling;

/** Where generation starts (seas.md §5.4). */
public enum LatentInit {
    /** z_init = κ·z̃_ref + √(1−ᾱ*)·ε: a real normal image's scaled latent, heavily noised (the original). */
    REFERENCE,
    /** z_init = ε: plain Gaussian noise, no reference image. */
    PURE_NOISE
}
