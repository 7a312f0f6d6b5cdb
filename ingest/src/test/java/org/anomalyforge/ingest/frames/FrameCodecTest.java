package org.anomalyforge.ingest.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.ingest.frames.FrameRejection.Kind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static final byte[] JPEG = TestImages.jpeg();
    private static final byte[] PNG = TestImages.png();
    private final FrameCodec codec = FrameCodec.withDefaults();

    private static FrameEnvelope frame() {
        return FrameEnvelope.of("cam-1", "bottle", 42, 1_700_000_000_123_456L, FrameEncoding.JPEG, JPEG);
    }

    private Map<String, byte[]> validHeaders() {
        Map<String, byte[]> map = new LinkedHashMap<>();
        codec.headers(frame()).forEach(h -> map.put(h.key(), h.value()));
        return map;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> headers, String key, String value) {
        Map<String, byte[]> copy = new LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value.getBytes(StandardCharsets.UTF_8));
        }
        return copy;
    }

    private FrameRejection rejection(String key, byte[] value, Map<String, byte[]> headers) {
        FrameRejectedException e = assertThrows(FrameRejectedException.class, () -> codec.decode(key, value, headers));
        assertEquals(e.rejection().reason(), e.getMessage());
        return e.rejection();
    }

    private void assertRejected(Kind kind, String field, String reason, String key, byte[] value,
                                Map<String, byte[]> headers) {
        assertEquals(new FrameRejection(kind, field, reason), rejection(key, value, headers));
    }

    @Test
    void recordCarriesKeyValueTimestampAndTheSixHeaders() {
        ProducerRecord<String, byte[]> record = codec.toRecord("frames", frame());
        assertEquals("frames", record.topic());
        assertEquals("cam-1", record.key());
        assertArrayEquals(JPEG, record.value());
        assertEquals(1_700_000_000_123L, record.timestamp());
        List<String> headers = new ArrayList<>();
        record.headers().forEach(h -> headers.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)));
        assertEquals(List.of("schema-version=1", "camera=cam-1", "product=bottle", "frame-index=42",
                "captured-at=1700000000123456", "encoding=jpeg"), headers);
    }

    @Test
    void roundTripThroughAConsumerRecord() throws Exception {
        ProducerRecord<String, byte[]> sent = codec.toRecord("frames", frame());
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>("frames", 0, 7L, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, sent.key(), sent.value(),
                sent.headers(), java.util.Optional.empty());
        assertEquals(frame(), codec.decode(received));
    }

    @Test
    void roundTripPngThroughHeaderPairsAsSparkGivesThem() {
        FrameEnvelope png = FrameEnvelope.of("line-2/cam-b", "tile", 0, 0, FrameEncoding.PNG, PNG);
        List<KafkaHeader> pairs = new ArrayList<>(codec.headers(png));
        pairs.add(KafkaHeader.text("trace-id", "abc"));
        FrameDecoding result = codec.check("line-2/cam-b", PNG, pairs);
        assertEquals(png, assertInstanceOf(FrameDecoding.Valid.class, result).envelope());
    }

    @Test
    void checkReturnsTheRejectionWithoutThrowing() {
        FrameDecoding result = codec.check("cam-1", new byte[0], codec.headers(frame()));
        assertEquals(new FrameRejection(Kind.EMPTY_PAYLOAD, "payload", "payload is empty (0 bytes)"),
                assertInstanceOf(FrameDecoding.Invalid.class, result).rejection());
    }

    @Test
    void missingHeadersAreNamed() {
        assertRejected(Kind.MISSING_HEADER, "frame-index", "missing header 'frame-index'", "cam-1", JPEG,
                with(validHeaders(), "frame-index", null));
        assertRejected(Kind.MISSING_HEADER, "camera", "missing headers 'camera', 'encoding'", "cam-1", JPEG,
                with(with(validHeaders(), "camera", null), "encoding", null));
    }

    @Test
    void duplicateEmptyAndNonUtf8HeadersAreRejected() {
        List<KafkaHeader> twice = new ArrayList<>(codec.headers(frame()));
        twice.add(KafkaHeader.text("camera", "cam-1"));
        assertEquals(new FrameRejection(Kind.DUPLICATE_HEADER, "camera",
                "header 'camera' must appear once, got 2 times"),
                ((FrameDecoding.Invalid) codec.check("cam-1", JPEG, twice)).rejection());
        assertRejected(Kind.INVALID_HEADER, "product", "header 'product' is empty", "cam-1", JPEG,
                with(validHeaders(), "product", ""));
        Map<String, byte[]> badUtf8 = new LinkedHashMap<>(validHeaders());
        badUtf8.put("product", new byte[] {'a', (byte) 0xC3});
        assertRejected(Kind.INVALID_HEADER, "product", "header 'product' is not valid UTF-8 (bytes 61c3)", "cam-1",
                JPEG, badUtf8);
        assertRejected(Kind.INVALID_HEADER, "camera", "header 'camera' must not be blank, got '  '", "  ", JPEG,
                with(validHeaders(), "camera", "  "));
    }

    @Test
    void frameIndexAndCaptureTimeMustBeNonNegativeDecimals() {
        assertRejected(Kind.INVALID_HEADER, "frame-index", "header 'frame-index' must be a decimal integer, got '12a'",
                "cam-1", JPEG, with(validHeaders(), "frame-index", "12a"));
        assertRejected(Kind.INVALID_HEADER, "frame-index", "header 'frame-index' must be a decimal integer, got '+5'",
                "cam-1", JPEG, with(validHeaders(), "frame-index", "+5"));
        assertRejected(Kind.INVALID_HEADER, "frame-index", "header 'frame-index' must be >= 0, got -3",
                "cam-1", JPEG, with(validHeaders(), "frame-index", "-3"));
        assertRejected(Kind.INVALID_HEADER, "captured-at",
                "header 'captured-at' is out of the 64-bit range, got '9999999999999999999'",
                "cam-1", JPEG, with(validHeaders(), "captured-at", "9999999999999999999"));
    }

    @Test
    void unknownEncodingAndUnsupportedSchemaVersion() {
        assertRejected(Kind.UNKNOWN_ENCODING, "encoding", "header 'encoding' must be one of jpeg, png, got 'gif'",
                "cam-1", JPEG, with(validHeaders(), "encoding", "gif"));
        assertRejected(Kind.UNSUPPORTED_SCHEMA_VERSION, "schema-version",
                "header 'schema-version' must be 1 (the only supported version), got '2'",
                "cam-1", JPEG, with(validHeaders(), "schema-version", "2"));
    }

    @Test
    void keyMustBeTheCameraId() {
        assertRejected(Kind.KEY_MISMATCH, "key", "record key must equal header 'camera' ('cam-1'), got 'cam-2'",
                "cam-2", JPEG, validHeaders());
        assertRejected(Kind.KEY_MISMATCH, "key", "record key is missing, expected the camera id 'cam-1'",
                null, JPEG, validHeaders());
    }

    @Test
    void payloadMustBePresentWithinTheLimitAndOfTheDeclaredEncoding() {
        assertRejected(Kind.EMPTY_PAYLOAD, "payload", "payload is empty (null value)", "cam-1", null, validHeaders());
        FrameCodec small = new FrameCodec(100);
        byte[] big = Arrays.copyOf(JPEG, 101);
        FrameRejectedException e = assertThrows(FrameRejectedException.class,
                () -> small.decode("cam-1", big, validHeaders()));
        assertEquals(new FrameRejection(Kind.OVERSIZED_PAYLOAD, "payload",
                "payload is 101 bytes, over the limit of 100 bytes"), e.rejection());
        assertRejected(Kind.ENCODING_MISMATCH, "payload", "payload does not match header 'encoding' 'jpeg': "
                + "it starts with 89504e470d0a1a0a, expected ffd8ff", "cam-1", PNG, validHeaders());
        assertRejected(Kind.ENCODING_MISMATCH, "payload", "payload does not match header 'encoding' 'png': "
                + "it starts with ffd8ffe000104a46, expected 89504e470d0a1a0a", "cam-1", JPEG,
                with(validHeaders(), "encoding", "png"));
        byte[] truncated = Arrays.copyOf(JPEG, JPEG.length - 10);
        assertRejected(Kind.CORRUPT_PAYLOAD, "payload", "payload is not a valid jpeg image: payload: JPEG is "
                + "truncated: no end-of-image marker (FF D9) at the end", "cam-1", truncated, validHeaders());
    }

    @Test
    void codecLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FrameCodec(0));
        assertEquals("maxPayloadBytes must be >= 1, got 0", e.getMessage());
        assertEquals(8 * 1024 * 1024, FrameCodec.withDefaults().maxPayloadBytes());
    }
}
