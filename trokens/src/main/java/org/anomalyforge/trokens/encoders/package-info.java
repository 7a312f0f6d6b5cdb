/**
 * Appearance encoders (spec §6): the {@link org.anomalyforge.trokens.encoders.AppearanceEncoder} contract,
 * its {@link org.anomalyforge.trokens.encoders.PatchGrid} output and the weight-free
 * {@link org.anomalyforge.trokens.encoders.PatchDescriptorEncoder}. DINOv2 lives in {@code encoders.dinov2}.
 */
package org.anomalyforge.trokens.encoders;
