/**
 * The SeaS text encoder: transformers' {@code CLIPTextModel} layout built from a
 * {@link org.anomalyforge.generator.config.TextEncoderConfig} (seas.md §3.6), with the §4.4 appending of new
 * token-embedding rows ({@link org.anomalyforge.generator.text.NewTokenRow}).
 */
package org.anomalyforge.generator.text;
