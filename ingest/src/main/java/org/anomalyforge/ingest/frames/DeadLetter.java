package org.anomalyforge.ingest.frames;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A record that could not be processed, as it goes to the dead-letter topic (ARCHITECTURE.md, "Failure
 * behaviour"): the original key, value and headers unchanged, plus headers that say why and where it came
 * from. Header order: the original headers, then {@link #REASON}, {@link #SOURCE_TOPIC}, {@link #PARTITION},
 * {@link #OFFSET}, {@link #AT} (all UTF-8 text; numbers decimal; {@code dlq-at} in epoch microseconds).
 *
 * @param sourceTopic     topic the record was read from
 * @param partition       its partition, ≥ 0
 * @param offset          its offset, ≥ 0
 * @param key             original key, may be null
 * @param value           original value, may be null
 * @param originalHeaders original headers in order, duplicates kept
 * @param reason          why it was rejected, non-blank (e.g. {@link FrameRejection#reason()})
 * @param at              when it was rejected
 */
public record DeadLetter(String sourceTopic, int partition, long offset, String key, byte[] value,
                         List<KafkaHeader> originalHeaders, String reason, Instant at) implements Serializable {

    public static final String REASON = "dlq-reason";
    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String PARTITION = "dlq-partition";
    public static final String OFFSET = "dlq-offset";
    public static final String AT = "dlq-at";

    public DeadLetter {
        if (sourceTopic == null || sourceTopic.isBlank()) {
            throw new IllegalArgumentException("sourceTopic must not be blank, got '" + sourceTopic + "'");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, got " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, got '" + reason + "'");
        }
        Objects.requireNonNull(originalHeaders, "originalHeaders must not be null");
        Objects.requireNonNull(at, "at must not be null");
        value = value == null ? null : value.clone();
        originalHeaders = List.copyOf(originalHeaders);
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** {@code at} in microseconds since the epoch, as written to {@link #AT}. */
    public long atMicros() {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    /** The original headers followed by the five {@code dlq-*} headers. */
    public List<KafkaHeader> headers() {
        List<KafkaHeader> all = new ArrayList<>(originalHeaders);
        all.add(KafkaHeader.text(REASON, reason));
        all.add(KafkaHeader.text(SOURCE_TOPIC, sourceTopic));
        all.add(KafkaHeader.text(PARTITION, Integer.toString(partition)));
        all.add(KafkaHeader.text(OFFSET, Long.toString(offset)));
        all.add(KafkaHeader.text(AT, Long.toString(atMicros())));
        return List.copyOf(all);
    }

    /** The record for the dead-letter topic {@code dlqTopic}: original key and value, {@link #headers()}. */
    public ProducerRecord<String, byte[]> toRecord(String dlqTopic) {
        return new ProducerRecord<>(dlqTopic, null, null, key, value, KafkaHeader.toKafka(headers()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d && sourceTopic.equals(d.sourceTopic) && partition == d.partition
                && offset == d.offset && Objects.equals(key, d.key) && Arrays.equals(value, d.value)
                && originalHeaders.equals(d.originalHeaders) && reason.equals(d.reason) && at.equals(d.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceTopic, partition, offset, key, originalHeaders, reason, at) * 31
                + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + sourceTopic + "-" + partition + "@" + offset + ", key=" + key + ", value="
                + (value == null ? "null" : value.length + " bytes") + ", reason=" + reason + "]";
    }
}
