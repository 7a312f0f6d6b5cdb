/**
 * DINOv2 ViT-S/14 and ViT-B/14 appearance encoders in DJL (spec §6.2–6.3): architecture, strict import of
 * user-supplied safetensors checkpoints (Hugging Face or original naming), position-table resizing, and the
 * imported encoder as a model-store artifact.
 */
package org.anomalyforge.trokens.encoders.dinov2;
