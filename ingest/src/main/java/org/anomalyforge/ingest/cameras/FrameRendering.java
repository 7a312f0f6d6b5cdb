package org.anomalyforge.ingest.cameras;

import java.util.Objects;
import org.anomalyforge.ingest.frames.FrameEncoding;

/**
 * How source images become frame payloads: resized to {@code size × size} (area interpolation), then encoded.
 *
 * @param encoding    JPEG or PNG
 * @param size        output width and height in pixels, 8..4096
 * @param jpegQuality JPEG quality 1..100 (ignored for PNG)
 */
public record FrameRendering(FrameEncoding encoding, int size, int jpegQuality) {

    public FrameRendering {
        Objects.requireNonNull(encoding, "encoding must not be null");
        if (size < 8 || size > 4096) {
            throw new IllegalArgumentException("frame size must be in 8..4096, got " + size);
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be in 1..100, got " + jpegQuality);
        }
    }
}
