/**
 * The SeaS U-Net: diffusers' {@code UNet2DConditionModel} (ε-prediction, SD-1 style) built from a
 * {@link org.anomalyforge.generator.config.UNetConfig} (seas.md §3.4). One call of
 * {@link org.anomalyforge.generator.unet.UNet2DConditionModel#forward} returns ε̂, every up-block output (the RMP
 * taps "up-2" and "up-3" among them) and, on request, the DA maps of §7.4 recorded by
 * {@link org.anomalyforge.generator.nn.CapturingAttentionProcessor}s installed for the duration of the call.
 */
package org.anomalyforge.generator.unet;
