package org.anomalyforge.ingest.frames;

import java.io.Serializable;
import java.util.Objects;

/**
 * The outcome of reading one Kafka record as a frame, without exceptions: either a {@link Valid} envelope or
 * an {@link Invalid} record with its rejection. Convenient inside Spark map functions, where every record
 * must yield a row (a verdict or a dead letter).
 */
public sealed interface FrameDecoding extends Serializable {

    /** The record is a valid frame. */
    record Valid(FrameEnvelope envelope) implements FrameDecoding {
        public Valid {
            Objects.requireNonNull(envelope, "envelope must not be null");
        }
    }

    /** The record is not a valid frame. */
    record Invalid(FrameRejection rejection) implements FrameDecoding {
        public Invalid {
            Objects.requireNonNull(rejection, "rejection must not be null");
        }
    }
}
