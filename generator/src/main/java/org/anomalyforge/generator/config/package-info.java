/**
 * Validated, immutable, JSON-serialisable configuration records of the SeaS generator networks (seas.md §3.1):
 * {@link org.anomalyforge.generator.config.UNetConfig}, {@link org.anomalyforge.generator.config.VaeConfig},
 * {@link org.anomalyforge.generator.config.TextEncoderConfig} and the whole
 * {@link org.anomalyforge.generator.config.SeasModelConfig} with its two profiles {@code tiny()} and
 * {@code sd14()}. The block structure is data (block types, channels, layers, heads), so one code path builds
 * both profiles. {@link org.anomalyforge.generator.config.ConfigJson} reads and writes {@code config.json}
 * (snake_case keys, diffusers block-type names).
 */
package org.anomalyforge.generator.config;
