package org.anomalyforge.ingest.frames;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One Kafka record header as plain data: what Spark's Kafka source exposes as
 * {@code array<struct<key:string,value:binary>>}, and what Kafka's {@link Header} holds.
 *
 * @param key   header name, not null
 * @param value header bytes; null is allowed (Kafka allows it)
 */
public record KafkaHeader(String key, byte[] value) implements Serializable {

    public KafkaHeader {
        Objects.requireNonNull(key, "header key must not be null");
        value = value == null ? null : value.clone();
    }

    /** A header with a UTF-8 text value. */
    public static KafkaHeader text(String key, String value) {
        return new KafkaHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** The headers of a Kafka record, in order, duplicates kept. */
    public static List<KafkaHeader> fromKafka(Headers headers) {
        List<KafkaHeader> out = new ArrayList<>();
        for (Header h : headers) {
            out.add(new KafkaHeader(h.key(), h.value()));
        }
        return List.copyOf(out);
    }

    /** Kafka headers holding {@code headers} in order. */
    public static Headers toKafka(List<KafkaHeader> headers) {
        RecordHeaders out = new RecordHeaders();
        for (KafkaHeader h : headers) {
            out.add(h.key, h.value);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaHeader h && key.equals(h.key) && Arrays.equals(value, h.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + (value == null ? "null" : new String(value, StandardCharsets.UTF_8));
    }
}
