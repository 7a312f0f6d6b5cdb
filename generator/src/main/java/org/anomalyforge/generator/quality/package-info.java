/**
 * The weight-free quality report of generated pairs (seas.md §11.2): mask statistics against the real few-shot
 * masks, IC-D (intra-cluster diversity) with a pluggable {@link
 * org.anomalyforge.generator.quality.PerceptualDistance} (default 1 − MS-SSIM, {@link
 * org.anomalyforge.generator.quality.MsSsimDistance}), the memorisation check, and a contact sheet for review.
 *
 * <p>IS, KID and IC-LPIPS need Inception-v3 and VGG/LPIPS weights that cannot be downloaded; the report states
 * them as "n/a" and never approximates them. IC-(1−MS-SSIM) is not comparable to IC-LPIPS. Nothing here uses
 * DJL: pixels are plain arrays, resizing and connected components come from OpenCV.
 */
package org.anomalyforge.generator.quality;
