/**
 * Weight files of the SeaS networks in safetensors with diffusers / transformers keys (seas.md §10.1–§10.3):
 * strict import of a diffusers SD-1.4 folder or of our own checkpoint files into the
 * {@link org.anomalyforge.generator.nn.ParameterRegistry} names, and export with the same names. All file I/O goes
 * through the plain-Java codec {@code org.anomalyforge.ingest.safetensors} (F16/BF16/F64 up-cast in Java, one
 * tensor at a time, so 3.4 GB files and BF16 never reach DJL's whole-file decoder).
 */
package org.anomalyforge.generator.weights;
