/**
 * The SeaS autoencoder: diffusers' {@code AutoencoderKL} built from a
 * {@link org.anomalyforge.generator.config.VaeConfig} (seas.md §3.5). The encoder yields the diagonal Gaussian
 * posterior ({@link org.anomalyforge.generator.vae.LatentDistribution}); the decoder returns the image and every
 * up-block output (the RMP VAE taps V_j) in one call.
 */
package org.anomalyforge.generator.vae;
