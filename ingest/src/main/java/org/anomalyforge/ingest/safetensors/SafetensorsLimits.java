package org.anomalyforge.ingest.safetensors;

/**
 * Resource limits applied while opening a safetensors file.
 *
 * @param maxHeaderBytes largest accepted JSON header, in bytes; the header is held in memory, so a hostile
 *                       length field must not be able to allocate gigabytes. 1 to {@link #MAX_ARRAY_BYTES}.
 */
public record SafetensorsLimits(long maxHeaderBytes) {

    /** 100 000 000 bytes, the cap of the Rust reference implementation ({@code MAX_HEADER_SIZE}). */
    public static final long DEFAULT_MAX_HEADER_BYTES = 100_000_000L;

    /** Largest Java array the JVM reliably allocates. */
    public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    public SafetensorsLimits {
        if (maxHeaderBytes < 1 || maxHeaderBytes > MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException("maxHeaderBytes must be in 1.." + MAX_ARRAY_BYTES + ", got "
                    + maxHeaderBytes);
        }
    }

    /** The reference implementation's limits. */
    public static SafetensorsLimits defaults() {
        return new SafetensorsLimits(DEFAULT_MAX_HEADER_BYTES);
    }
}
