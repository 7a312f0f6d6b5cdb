package org.anomalyforge.ingest.frames;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One camera frame as it travels on Kafka (ARCHITECTURE.md, "Frame envelope"): the record key is the
 * camera id, the value the encoded image, and the other fields travel as headers ({@link FrameHeaders}).
 *
 * <p>Validated on construction. The image bytes are copied in and out, so an envelope is immutable. Whether
 * the bytes really are an image of {@link #encoding()} is checked by {@link FrameCodec} when a record is
 * read, not here, so that the camera simulator can build the faulty frames it injects from valid envelopes.
 *
 * @param camera           camera id, non-blank, no control characters
 * @param product          product the camera inspects, non-blank, no control characters
 * @param frameIndex       per-camera frame number, ≥ 0
 * @param capturedAtMicros capture time in microseconds since the epoch, ≥ 0
 * @param encoding         how {@code image} is encoded
 * @param schemaVersion    envelope layout version, must be {@value #SCHEMA_VERSION}
 * @param image            encoded image bytes, not empty
 */
public record FrameEnvelope(String camera, String product, long frameIndex, long capturedAtMicros,
                            FrameEncoding encoding, int schemaVersion, byte[] image) implements Serializable {

    /** The only envelope layout version this code reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    public FrameEnvelope {
        checkName("camera", camera);
        checkName("product", product);
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frameIndex must be >= 0, got " + frameIndex);
        }
        if (capturedAtMicros < 0) {
            throw new IllegalArgumentException("capturedAtMicros must be >= 0, got " + capturedAtMicros);
        }
        Objects.requireNonNull(encoding, "encoding must not be null");
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        Objects.requireNonNull(image, "image must not be null");
        if (image.length == 0) {
            throw new IllegalArgumentException("image must not be empty, got 0 bytes");
        }
        image = image.clone();
    }

    /** An envelope of the current {@link #SCHEMA_VERSION}. */
    public static FrameEnvelope of(String camera, String product, long frameIndex, long capturedAtMicros,
                                   FrameEncoding encoding, byte[] image) {
        return new FrameEnvelope(camera, product, frameIndex, capturedAtMicros, encoding, SCHEMA_VERSION, image);
    }

    /** A copy of the encoded image bytes. */
    @Override
    public byte[] image() {
        return image.clone();
    }

    /** Size of the encoded image in bytes, without copying it. */
    public int imageSize() {
        return image.length;
    }

    /**
     * Why {@code value} is not acceptable as a camera or product name, or empty if it is.
     * Shared with {@link FrameCodec} so header checks and construction agree.
     */
    static Optional<String> nameProblem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return Optional.of("must not contain control characters (U+"
                        + String.format("%04X", (int) value.charAt(i)) + " at position " + i + ")");
            }
        }
        return Optional.empty();
    }

    private static void checkName(String field, String value) {
        nameProblem(value).ifPresent(problem -> {
            throw new IllegalArgumentException(field + " " + problem + ", got '" + value + "'");
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameEnvelope f && camera.equals(f.camera) && product.equals(f.product)
                && frameIndex == f.frameIndex && capturedAtMicros == f.capturedAtMicros && encoding == f.encoding
                && schemaVersion == f.schemaVersion && Arrays.equals(image, f.image);
    }

    @Override
    public int hashCode() {
        return Objects.hash(camera, product, frameIndex, capturedAtMicros, encoding, schemaVersion)
                * 31 + Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return "FrameEnvelope[camera=" + camera + ", product=" + product + ", frameIndex=" + frameIndex
                + ", capturedAtMicros=" + capturedAtMicros + ", encoding=" + encoding.headerValue()
                + ", schemaVersion=" + schemaVersion + ", image=" + image.length + " bytes]";
    }
}
