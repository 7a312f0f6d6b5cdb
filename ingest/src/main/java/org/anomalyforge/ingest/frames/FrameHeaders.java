package org.anomalyforge.ingest.frames;

import java.util.List;

/**
 * Names of the Kafka headers of a frame record (ARCHITECTURE.md, "Frame envelope"). Every value is UTF-8 text;
 * numbers are decimal.
 */
public final class FrameHeaders {

    /** The camera id; must equal the record key. */
    public static final String CAMERA = "camera";
    /** The product the camera inspects. */
    public static final String PRODUCT = "product";
    /** Per-camera frame number, 0, 1, 2, … */
    public static final String FRAME_INDEX = "frame-index";
    /** Capture time in microseconds since the epoch. */
    public static final String CAPTURED_AT = "captured-at";
    /** {@code jpeg} or {@code png}, see {@link FrameEncoding#headerValue()}. */
    public static final String ENCODING = "encoding";
    /** Version of this envelope layout, see {@link FrameEnvelope#SCHEMA_VERSION}. */
    public static final String SCHEMA_VERSION = "schema-version";

    /** All headers a frame record must carry, in the order {@link FrameCodec} checks them. */
    public static final List<String> REQUIRED =
            List.of(SCHEMA_VERSION, CAMERA, PRODUCT, FRAME_INDEX, CAPTURED_AT, ENCODING);

    private FrameHeaders() {}
}
