/**
 * The safetensors tensor file format in plain Java: {@link org.anomalyforge.ingest.safetensors.SafetensorsFile}
 * reads, {@link org.anomalyforge.ingest.safetensors.SafetensorsWriter} writes.
 *
 * <p>Layout: an 8-byte little-endian unsigned header length N, N bytes of UTF-8 JSON (tensor name →
 * dtype, shape, data_offsets, plus an optional {@code "__metadata__"} map of strings), then the data
 * buffer, whose offsets start at byte 8 + N. The reader validates the header as strictly as the Rust
 * reference implementation (every byte of the data buffer belongs to exactly one tensor) and reads
 * tensors with positional channel reads, so multi-gigabyte checkpoints never have to fit in memory.
 */
package org.anomalyforge.ingest.safetensors;
