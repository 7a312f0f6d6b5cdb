package org.anomalyforge.ingest.frames;

/** A Kafka record that is not a valid frame; the message is {@link FrameRejection#reason()}. */
public class FrameRejectedException extends Exception {

    private final transient FrameRejection rejection;

    public FrameRejectedException(FrameRejection rejection) {
        super(rejection.reason());
        this.rejection = rejection;
    }

    public FrameRejection rejection() {
        return rejection;
    }
}
