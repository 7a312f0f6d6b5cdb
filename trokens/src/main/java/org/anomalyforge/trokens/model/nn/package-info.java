/**
 * Reusable DJL building blocks of the recogniser and the DINOv2 encoders: last-axis LayerNorm, multi-head
 * self-attention with additive masks, GELU MLP, seeded initialisation, dotted parameter names and strict
 * safetensors save/load.
 */
package org.anomalyforge.trokens.model.nn;
