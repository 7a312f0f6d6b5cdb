/**
 * Few-shot head and losses (spec §12): frame embeddings, prototypes, bidirectional min-cosine frame-set
 * matching and label-smoothed cross-entropy.
 */
package org.anomalyforge.trokens.fewshot;
