package org.anomalyforge.ingest.frames;

import java.io.Serializable;
import java.util.Objects;

/**
 * Why a Kafka record is not a valid frame. {@link #reason()} is the text the streaming job writes to the
 * dead-letter topic; it names the header or field and the offending value.
 *
 * @param kind   the rule that was broken
 * @param field  the header name, {@code key} or {@code payload}
 * @param reason complete human-readable explanation, e.g. {@code header 'frame-index' must be >= 0, got -3}
 */
public record FrameRejection(Kind kind, String field, String reason) implements Serializable {

    /** The rules {@link FrameCodec} checks. */
    public enum Kind {
        MISSING_HEADER, DUPLICATE_HEADER, INVALID_HEADER, UNKNOWN_ENCODING, UNSUPPORTED_SCHEMA_VERSION,
        KEY_MISMATCH, EMPTY_PAYLOAD, OVERSIZED_PAYLOAD, ENCODING_MISMATCH, CORRUPT_PAYLOAD
    }

    public FrameRejection {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
    }
}
