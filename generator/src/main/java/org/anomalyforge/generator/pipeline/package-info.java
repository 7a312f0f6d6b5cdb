/**
 * SeaS generation (seas.md §5.4, §9): the batched sampler with classifier-free guidance, the noised-reference start
 * and per-image seeded noise.
 */
package org.anomalyforge.generator.pipeline;
