package org.anomalyforge.ingest.frames;

import static org.anomalyforge.ingest.frames.FrameRejection.Kind.CORRUPT_PAYLOAD;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.DUPLICATE_HEADER;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.EMPTY_PAYLOAD;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.ENCODING_MISMATCH;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.INVALID_HEADER;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.KEY_MISMATCH;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.MISSING_HEADER;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.OVERSIZED_PAYLOAD;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.UNKNOWN_ENCODING;
import static org.anomalyforge.ingest.frames.FrameRejection.Kind.UNSUPPORTED_SCHEMA_VERSION;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.ImageHeader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes {@link FrameEnvelope}s as Kafka records and reads them back with precise validation.
 *
 * <p>Reading checks, in this order: every header of {@link FrameHeaders#REQUIRED} present exactly once with a
 * UTF-8 value; the schema version; camera and product names; the record key equals the camera header; frame
 * index and capture time are non-negative decimal integers; a known encoding; a non-empty payload within
 * {@link #maxPayloadBytes()}; payload magic bytes of the declared encoding; and an image header
 * ({@link ImageHeader#probe}) that parses, so a frame cut short in transit is refused here rather than by the
 * model. The first broken rule becomes the {@link FrameRejection}. Headers other than the required ones are
 * ignored, so producers may add their own.
 *
 * <p>Immutable and {@link Serializable}: one instance can be captured in Spark closures.
 */
public final class FrameCodec implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default payload limit: 8 MiB, far above a camera JPEG, small enough to protect the decoder. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

    private final int maxPayloadBytes;

    /** @param maxPayloadBytes largest accepted payload in bytes, ≥ 1 */
    public FrameCodec(int maxPayloadBytes) {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be >= 1, got " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** A codec with the {@link #DEFAULT_MAX_PAYLOAD_BYTES} limit. */
    public static FrameCodec withDefaults() {
        return new FrameCodec(DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** The headers of {@code frame}, in {@link FrameHeaders#REQUIRED} order. */
    public List<KafkaHeader> headers(FrameEnvelope frame) {
        return List.of(
                KafkaHeader.text(FrameHeaders.SCHEMA_VERSION, Integer.toString(frame.schemaVersion())),
                KafkaHeader.text(FrameHeaders.CAMERA, frame.camera()),
                KafkaHeader.text(FrameHeaders.PRODUCT, frame.product()),
                KafkaHeader.text(FrameHeaders.FRAME_INDEX, Long.toString(frame.frameIndex())),
                KafkaHeader.text(FrameHeaders.CAPTURED_AT, Long.toString(frame.capturedAtMicros())),
                KafkaHeader.text(FrameHeaders.ENCODING, frame.encoding().headerValue()));
    }

    /**
     * The record for {@code frame} on {@code topic}: key = camera id, value = image bytes, the headers of
     * {@link #headers}. The record timestamp is the capture time (milliseconds), so Kafka's log time and
     * Spark's {@code timestamp} column agree with {@code captured-at}.
     */
    public ProducerRecord<String, byte[]> toRecord(String topic, FrameEnvelope frame) {
        return new ProducerRecord<>(topic, null, frame.capturedAtMicros() / 1000, frame.camera(), frame.image(),
                KafkaHeader.toKafka(headers(frame)));
    }

    /** Reads a consumed record; throws with the rejection if it is not a valid frame. */
    public FrameEnvelope decode(ConsumerRecord<String, byte[]> record) throws FrameRejectedException {
        return decode(record.key(), record.value(), KafkaHeader.fromKafka(record.headers()));
    }

    /** Reads (key, value, headers) given as a map (no duplicates possible); throws if not a valid frame. */
    public FrameEnvelope decode(String key, byte[] value, Map<String, byte[]> headers) throws FrameRejectedException {
        List<KafkaHeader> list = new ArrayList<>();
        headers.forEach((k, v) -> list.add(new KafkaHeader(k, v)));
        return decode(key, value, list);
    }

    /** Reads (key, value, headers); throws with the rejection if it is not a valid frame. */
    public FrameEnvelope decode(String key, byte[] value, List<KafkaHeader> headers) throws FrameRejectedException {
        FrameDecoding result = check(key, value, headers);
        if (result instanceof FrameDecoding.Invalid invalid) {
            throw new FrameRejectedException(invalid.rejection());
        }
        return ((FrameDecoding.Valid) result).envelope();
    }

    /**
     * Reads (key, value, headers) without throwing: the form for Spark, whose Kafka source gives headers as
     * {@code array<struct<key:string,value:binary>>} (map each struct to a {@link KafkaHeader}).
     */
    public FrameDecoding check(String key, byte[] value, List<KafkaHeader> headers) {
        try {
            return new FrameDecoding.Valid(read(key, value, headers));
        } catch (Rejected r) {
            return new FrameDecoding.Invalid(r.rejection);
        }
    }

    private FrameEnvelope read(String key, byte[] value, List<KafkaHeader> headers) throws Rejected {
        Map<String, String> text = requiredHeaderText(headers);
        String version = text.get(FrameHeaders.SCHEMA_VERSION);
        if (!version.equals(Integer.toString(FrameEnvelope.SCHEMA_VERSION))) {
            throw reject(UNSUPPORTED_SCHEMA_VERSION, FrameHeaders.SCHEMA_VERSION, "header 'schema-version' must be "
                    + FrameEnvelope.SCHEMA_VERSION + " (the only supported version), got '" + version + "'");
        }
        String camera = name(FrameHeaders.CAMERA, text);
        String product = name(FrameHeaders.PRODUCT, text);
        if (key == null) {
            throw reject(KEY_MISMATCH, "key", "record key is missing, expected the camera id '" + camera + "'");
        }
        if (!key.equals(camera)) {
            throw reject(KEY_MISMATCH, "key", "record key must equal header 'camera' ('" + camera + "'), got '"
                    + key + "'");
        }
        long frameIndex = nonNegative(FrameHeaders.FRAME_INDEX, text);
        long capturedAt = nonNegative(FrameHeaders.CAPTURED_AT, text);
        String encodingText = text.get(FrameHeaders.ENCODING);
        FrameEncoding encoding = FrameEncoding.fromHeaderValue(encodingText).orElseThrow(() -> reject(
                UNKNOWN_ENCODING, FrameHeaders.ENCODING, "header 'encoding' must be one of "
                        + FrameEncoding.allHeaderValues() + ", got '" + encodingText + "'"));
        checkPayload(value, encoding);
        return new FrameEnvelope(camera, product, frameIndex, capturedAt, encoding, FrameEnvelope.SCHEMA_VERSION,
                value);
    }

    private void checkPayload(byte[] value, FrameEncoding encoding) throws Rejected {
        if (value == null || value.length == 0) {
            throw reject(EMPTY_PAYLOAD, "payload", "payload is empty (" + (value == null ? "null value" : "0 bytes")
                    + ")");
        }
        if (value.length > maxPayloadBytes) {
            throw reject(OVERSIZED_PAYLOAD, "payload", "payload is " + value.length
                    + " bytes, over the limit of " + maxPayloadBytes + " bytes");
        }
        if (!encoding.matchesMagic(value)) {
            throw reject(ENCODING_MISMATCH, "payload", "payload does not match header 'encoding' '"
                    + encoding.headerValue() + "': it starts with " + Hex.of(value, 8) + ", expected "
                    + encoding.magicHex());
        }
        try {
            ImageHeader.probe(value, "payload");
        } catch (ImageDecodeException e) {
            throw reject(CORRUPT_PAYLOAD, "payload", "payload is not a valid " + encoding.headerValue() + " image: "
                    + e.getMessage());
        }
    }

    /** The UTF-8 values of the required headers; rejects missing, duplicated, null or non-UTF-8 ones. */
    private static Map<String, String> requiredHeaderText(List<KafkaHeader> headers) throws Rejected {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, byte[]> values = new HashMap<>();
        for (KafkaHeader h : headers) {
            if (FrameHeaders.REQUIRED.contains(h.key())) {
                counts.merge(h.key(), 1, Integer::sum);
                values.put(h.key(), h.value());
            }
        }
        List<String> missing = FrameHeaders.REQUIRED.stream().filter(n -> !counts.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            String field = missing.get(0);
            throw reject(MISSING_HEADER, field, (missing.size() == 1 ? "missing header '" : "missing headers '")
                    + String.join("', '", missing) + "'");
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (String name : FrameHeaders.REQUIRED) {
            if (counts.get(name) > 1) {
                throw reject(DUPLICATE_HEADER, name, "header '" + name + "' must appear once, got "
                        + counts.get(name) + " times");
            }
            byte[] raw = values.get(name);
            if (raw == null || raw.length == 0) {
                throw reject(INVALID_HEADER, name, "header '" + name + "' is empty");
            }
            try {
                text.put(name, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString());
            } catch (CharacterCodingException e) {
                throw reject(INVALID_HEADER, name, "header '" + name + "' is not valid UTF-8 (bytes "
                        + Hex.of(raw, 16) + ")");
            }
        }
        return text;
    }

    private static String name(String header, Map<String, String> text) throws Rejected {
        String value = text.get(header);
        var problem = FrameEnvelope.nameProblem(value);
        if (problem.isPresent()) {
            throw reject(INVALID_HEADER, header, "header '" + header + "' " + problem.get() + ", got '" + value + "'");
        }
        return value;
    }

    private static long nonNegative(String header, Map<String, String> text) throws Rejected {
        String value = text.get(header);
        // Digits only (optionally a leading '-'): Long.parseLong alone would also accept "+5".
        if (!value.matches("-?[0-9]{1,19}")) {
            throw reject(INVALID_HEADER, header, "header '" + header + "' must be a decimal integer, got '"
                    + value + "'");
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw reject(INVALID_HEADER, header, "header '" + header + "' is out of the 64-bit range, got '"
                    + value + "'");
        }
        if (parsed < 0) {
            throw reject(INVALID_HEADER, header, "header '" + header + "' must be >= 0, got " + parsed);
        }
        return parsed;
    }

    private static Rejected reject(FrameRejection.Kind kind, String field, String reason) {
        return new Rejected(new FrameRejection(kind, field, reason));
    }

    /** Internal control flow of {@link #read}; never escapes this class. */
    private static final class Rejected extends Exception {
        private final transient FrameRejection rejection;

        Rejected(FrameRejection rejection) {
            super(rejection.reason(), null, false, false);
            this.rejection = rejection;
        }
    }
}
