/**
 * Building blocks of the SeaS generator networks (Stable Diffusion U-Net, AutoencoderKL, CLIP text encoder)
 * as DJL blocks whose parameter names and shapes equal the diffusers / transformers state-dict keys.
 *
 * <p>Every block extends {@link org.anomalyforge.generator.nn.ModuleBlock}: parameter shapes are fixed at
 * construction (they follow from the configuration, never from an input), so
 * {@link org.anomalyforge.generator.nn.ParameterRegistry} enumerates every dotted name and shape of a full
 * SD-1.4 model without allocating a single weight. Values are created by
 * {@link org.anomalyforge.generator.nn.ModelInitialization} with PyTorch's default initialisation drawn from
 * our own seeded generator ({@link org.anomalyforge.generator.nn.TorchInit}).
 *
 * <p>Attention follows diffusers' split between weights and computation: an
 * {@link org.anomalyforge.generator.nn.Attention} layer holds {@code to_q/to_k/to_v/to_out.0}, an
 * {@link org.anomalyforge.generator.nn.AttentionProcessor} computes softmax(q·kᵀ·scale)·v, and
 * {@link org.anomalyforge.generator.nn.CapturingAttentionProcessor} additionally records the attention maps
 * SeaS needs. Numerics follow {@code shared/design/DJL-COOKBOOK.md} (hand-built GroupNorm, attention without
 * SDPA, chunked over queries).
 */
package org.anomalyforge.generator.nn;
