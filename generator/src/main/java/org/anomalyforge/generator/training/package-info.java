/**
 * SeaS training (seas.md §2.5–2.7, §6, §7): preprocessing and augmentation, the item stream, stage 0 (tiny
 * autoencoder fit), stage 1 (mixed fine-tuning), the PyTorch-exact AdamW, checkpoints and resume.
 */
package org.anomalyforge.generator.training;
