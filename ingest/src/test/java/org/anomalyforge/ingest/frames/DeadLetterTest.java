package org.anomalyforge.ingest.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);

    private static DeadLetter letter() {
        List<KafkaHeader> original = List.of(KafkaHeader.text("camera", "cam-1"), KafkaHeader.text("encoding", "gif"));
        return new DeadLetter("frames", 3, 1234L, "cam-1", new byte[] {1, 2, 3}, original,
                "header 'encoding' must be one of jpeg, png, got 'gif'", AT);
    }

    @Test
    void headersAreTheOriginalsFollowedByTheFiveDlqHeaders() {
        List<String> headers = letter().headers().stream().map(KafkaHeader::toString).toList();
        assertEquals(List.of("camera=cam-1", "encoding=gif",
                "dlq-reason=header 'encoding' must be one of jpeg, png, got 'gif'", "dlq-source-topic=frames",
                "dlq-partition=3", "dlq-offset=1234", "dlq-at=1700000000123456"), headers);
    }

    @Test
    void recordKeepsOriginalKeyAndValue() {
        ProducerRecord<String, byte[]> record = letter().toRecord("frames.dlq");
        assertEquals("frames.dlq", record.topic());
        assertEquals("cam-1", record.key());
        assertArrayEquals(new byte[] {1, 2, 3}, record.value());
        List<String> keys = new ArrayList<>();
        record.headers().forEach(h -> keys.add(h.key()));
        assertEquals(List.of("camera", "encoding", "dlq-reason", "dlq-source-topic", "dlq-partition", "dlq-offset",
                "dlq-at"), keys);
        assertEquals("1234", new String(record.headers().lastHeader("dlq-offset").value(), StandardCharsets.UTF_8));
    }

    @Test
    void nullKeyAndValueAreKept() {
        DeadLetter letter = new DeadLetter("frames", 0, 0, null, null, List.of(), "payload is empty (null value)", AT);
        ProducerRecord<String, byte[]> record = letter.toRecord("frames.dlq");
        assertEquals(null, record.key());
        assertEquals(null, record.value());
        assertEquals(5, letter.headers().size());
    }

    @Test
    void invalidFieldsAreNamed() {
        assertEquals("partition must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> new DeadLetter("frames", -1, 0, "k", null, List.of(), "r", AT)).getMessage());
        assertEquals("reason must not be blank, got ' '", assertThrows(IllegalArgumentException.class,
                () -> new DeadLetter("frames", 0, 0, "k", null, List.of(), " ", AT)).getMessage());
        assertEquals("sourceTopic must not be blank, got 'null'", assertThrows(IllegalArgumentException.class,
                () -> new DeadLetter(null, 0, 0, "k", null, List.of(), "r", AT)).getMessage());
    }
}
