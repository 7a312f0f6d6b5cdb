/**
 * LFD, the supervised anomaly segmenter (Zhou et al., "Exploiting Low-level Representations for
 * Ultra-Fast Road Segmentation", IEEE T-ITS 2024, arXiv 2402.02430; trained on SeaS data as in Dai et al.,
 * ICCV 2025): the DJL network ({@link org.anomalyforge.segmenter.lfd.LfdNet} and its blocks), the exact
 * bilinear resize, the seeded PyTorch-default initialisation, the OHEM loss and the original-key weight
 * registry with safetensors import/export. Specification: {@code /work/shared/specs/lfd.md}.
 *
 * <p>Tensors are NCHW float32; input B×3×H×W with H, W multiples of 32; output logits B×2×H×W.
 */
package org.anomalyforge.segmenter.lfd;
