/**
 * SeaS checkpoint directories (seas.md §10.1) inside model-store runs: the loaded networks with tokenizer and
 * prompts ({@link org.anomalyforge.generator.checkpoint.SeasModels}), {@code config.json}, weight files with
 * diffusers / transformers keys and the tokenizer files.
 */
package org.anomalyforge.generator.checkpoint;
