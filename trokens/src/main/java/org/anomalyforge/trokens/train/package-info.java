/**
 * Episodic training and evaluation (spec §12–§13): seeded N-way K-shot episodes, AdamW with the per-step
 * epoch schedule, validation with best-epoch selection, evaluation with mean accuracy and 95 % CI, checkpoints
 * in the model store, and the JVM-wide training lock.
 */
package org.anomalyforge.trokens.train;
