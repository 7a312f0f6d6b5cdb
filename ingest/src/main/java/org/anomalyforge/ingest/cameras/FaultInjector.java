package org.anomalyforge.ingest.cameras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.frames.FrameHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Decides which frames get a fault and damages their Kafka records ({@link FaultKind#OUT_OF_ORDER} is a
 * matter of send order and is carried out by the simulator). Not thread-safe: one random stream, used by the
 * simulator's single sending thread, so a seed always damages the same frames the same way.
 */
final class FaultInjector {

    private final FaultPlan plan;
    private final List<FaultKind> kinds;
    private final SplittableRandom random;

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.kinds = plan.orderedKinds();
        this.random = new SplittableRandom(plan.seed());
    }

    /** The fault for the next frame, if it gets one. */
    Optional<FaultKind> roll() {
        if (kinds.isEmpty() || random.nextDouble() >= plan.rate()) {
            return Optional.empty();
        }
        return Optional.of(kinds.get(random.nextInt(kinds.size())));
    }

    /** A copy of {@code record} damaged by {@code kind} (not {@link FaultKind#OUT_OF_ORDER}). */
    ProducerRecord<String, byte[]> damage(FaultKind kind, ProducerRecord<String, byte[]> record) {
        return switch (kind) {
            case CORRUPT -> withValue(record, corrupt(record.value()));
            case OVERSIZED -> withValue(record, Arrays.copyOf(record.value(),
                    Math.max(plan.oversizeBytes(), record.value().length + 1)));
            case MISSING_HEADER -> withoutHeader(record,
                    FrameHeaders.REQUIRED.get(random.nextInt(FrameHeaders.REQUIRED.size())));
            case OUT_OF_ORDER -> throw new IllegalArgumentException("out-of-order is a send order, not a damage");
        };
    }

    /**
     * Scrambles the first 8 bytes (each XORed with a non-zero value, so the magic bytes can never survive) and
     * cuts off the second half, like a frame garbled and truncated in transit.
     */
    private byte[] corrupt(byte[] value) {
        byte[] damaged = Arrays.copyOf(value, Math.max(1, value.length / 2));
        for (int i = 0; i < Math.min(8, damaged.length); i++) {
            damaged[i] ^= (byte) (1 + random.nextInt(255));
        }
        return damaged;
    }

    private static ProducerRecord<String, byte[]> withValue(ProducerRecord<String, byte[]> r, byte[] value) {
        return new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), r.key(), value, r.headers());
    }

    private static ProducerRecord<String, byte[]> withoutHeader(ProducerRecord<String, byte[]> r, String name) {
        List<Header> kept = new ArrayList<>();
        for (Header h : r.headers()) {
            if (!h.key().equals(name)) {
                kept.add(h);
            }
        }
        return new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), r.key(), r.value(),
                new RecordHeaders(kept));
    }
}
