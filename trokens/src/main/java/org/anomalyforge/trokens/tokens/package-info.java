/**
 * Motion tokens (spec §9): histogram of displacements (HoD) and relational descriptors computed from
 * trajectories, in {@code [M][T][D]} layout, plus {@link org.anomalyforge.trokens.tokens.MotionTokens}
 * that bundles them with the slots for the recogniser.
 */
package org.anomalyforge.trokens.tokens;
