package org.anomalyforge.ingest.cameras;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.anomalyforge.ingest.frames.FrameCodec;
import org.anomalyforge.ingest.frames.FrameEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replays a {@link FrameLibrary} as several cameras, each at a fixed frame rate, publishing
 * {@link FrameEnvelope}s to Kafka.
 *
 * <p>Scheduling is by absolute time so the rate does not drift: frame {@code k} of camera {@code c} is due at
 * {@code start + k·T + c·T/N} ({@code T = 1/fps}, cameras staggered over the period). A frame that is late
 * (the producer blocked) is sent at once; the schedule never shifts. Camera {@code c} starts at library
 * frame {@code c·size/N} and cycles, so cameras show different images. Frame indices start at 0 per camera;
 * {@code captured-at} is the wall-clock time in microseconds when the frame is built.
 *
 * <p>Faults: each frame rolls the {@link FaultPlan}; damaged frames are still sent. An out-of-order frame is
 * held back and sent right after the camera's next frame (which itself is sent clean); the last frame of a
 * bounded run cannot be held and goes out clean, uncounted.
 *
 * <p>The producer uses {@code acks=all}, idempotence and a 5 ms linger; {@link CameraSimulatorConfig#kafkaOptions()}
 * override any setting. One thread sends; {@link #stop()} may be called from any thread.
 */
public final class CameraSimulator {

    /** Producer request limit: room for oversized-fault frames up to the embedded broker's message limit. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024 + 64 * 1024;
    private static final long MAX_PARK_NANOS = 50_000_000L;

    private final CameraSimulatorConfig config;
    private final FrameLibrary library;
    private final FrameCodec codec = FrameCodec.withDefaults();
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    public CameraSimulator(CameraSimulatorConfig config, FrameLibrary library) {
        this.config = config;
        this.library = library;
    }

    /** Asks a running {@link #run()} to stop after its current frame; it still flushes and reports. */
    public void stop() {
        stopRequested.set(true);
    }

    /** The producer settings of a run: the simulator's defaults overridden by the configured options. */
    public Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_REQUEST_BYTES));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "anomalyforge-cameras");
        p.putAll(config.kafkaOptions());
        return p;
    }

    /**
     * Sends until the run limit (or {@link #stop()}), waits for every acknowledgement and reports.
     *
     * @throws org.apache.kafka.common.KafkaException if the topic's metadata cannot be fetched before the run
     *         (broker unreachable, topic missing without auto-creation, not authorised)
     */
    public CameraReport run() {
        try (Producer<String, byte[]> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            // Fetch metadata first: otherwise the first send blocks for it and the first frames start late.
            producer.partitionsFor(config.topic());
            return new Run(producer).execute();
        }
    }

    /** The state of one run: per-camera counters and the held-back out-of-order frames. */
    private final class Run {
        private final Producer<String, byte[]> producer;
        private final int n = config.cameras();
        private final long periodNanos = Math.round(1e9 / config.fps());
        private final FaultInjector injector = new FaultInjector(config.faults());
        private final AtomicLongArray acked;
        private final AtomicLongArray failed;
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private final long[] handed;
        private final long[] firstHandNanos;
        private final long[] lastHandNanos;
        private final List<Optional<ProducerRecord<String, byte[]>>> held = new ArrayList<>();
        private final Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);

        Run(Producer<String, byte[]> producer) {
            this.producer = producer;
            acked = new AtomicLongArray(n);
            failed = new AtomicLongArray(n);
            handed = new long[n];
            firstHandNanos = new long[n];
            lastHandNanos = new long[n];
            for (int c = 0; c < n; c++) {
                held.add(Optional.empty());
            }
        }

        CameraReport execute() {
            long start = System.nanoTime();
            long end = config.limit().duration().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
            long frames = config.limit().framesPerCamera().orElse(Long.MAX_VALUE);
            boolean stopped = false;
            schedule:
            for (long k = 0; k < frames; k++) {
                for (int c = 0; c < n; c++) {
                    long due = start + k * periodNanos + c * periodNanos / n;
                    if (due >= end) {
                        break schedule;
                    }
                    if (!sleepUntil(due)) {
                        stopped = true;
                        break schedule;
                    }
                    boolean last = k + 1 >= frames || due + periodNanos >= end;
                    sendFrame(c, k, last);
                }
            }
            for (int c = 0; c < n; c++) {
                int camera = c;
                held.get(c).ifPresent(r -> send(camera, r));
            }
            // An interrupt ends the schedule; clear it so flush can still wait for the frames already sent.
            boolean interrupted = Thread.interrupted();
            producer.flush();
            CameraReport report = report(Duration.ofNanos(System.nanoTime() - start), stopped);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return report;
        }

        /** Parks until {@code due}; false if a stop was requested or the thread interrupted. */
        private boolean sleepUntil(long due) {
            while (true) {
                if (stopRequested.get() || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                long wait = due - System.nanoTime();
                if (wait <= 0) {
                    return true;
                }
                LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
            }
        }

        private void sendFrame(int c, long index, boolean last) {
            byte[] image = library.payload(index + (long) c * library.size() / n);
            FrameEnvelope frame = FrameEnvelope.of(config.cameraId(c), config.product(), index, nowMicros(),
                    library.encoding(), image);
            ProducerRecord<String, byte[]> record = codec.toRecord(config.topic(), frame);
            Optional<ProducerRecord<String, byte[]>> earlier = held.get(c);
            if (earlier.isPresent()) {
                held.set(c, Optional.empty());
                send(c, record);
                send(c, earlier.get());
                return;
            }
            Optional<FaultKind> fault = injector.roll();
            if (fault.isPresent() && fault.get() == FaultKind.OUT_OF_ORDER) {
                if (!last) {
                    held.set(c, Optional.of(record));
                    faults.merge(FaultKind.OUT_OF_ORDER, 1L, Long::sum);
                    return;
                }
            } else if (fault.isPresent()) {
                record = injector.damage(fault.get(), record);
                faults.merge(fault.get(), 1L, Long::sum);
            }
            send(c, record);
        }

        private void send(int c, ProducerRecord<String, byte[]> record) {
            long now = System.nanoTime();
            if (handed[c]++ == 0) {
                firstHandNanos[c] = now;
            }
            lastHandNanos[c] = now;
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acked.incrementAndGet(c);
                } else {
                    failed.incrementAndGet(c);
                    firstError.compareAndSet(null, config.cameraId(c) + " frame to " + record.topic() + ": "
                            + error);
                }
            });
        }

        private CameraReport report(Duration elapsed, boolean stopped) {
            List<CameraStats> stats = new ArrayList<>();
            long total = 0;
            long first = Long.MAX_VALUE;
            long lastHand = Long.MIN_VALUE;
            for (int c = 0; c < n; c++) {
                stats.add(new CameraStats(config.cameraId(c), acked.get(c), failed.get(c),
                        rate(handed[c], firstHandNanos[c], lastHandNanos[c])));
                if (handed[c] > 0) {
                    total += handed[c];
                    first = Math.min(first, firstHandNanos[c]);
                    lastHand = Math.max(lastHand, lastHandNanos[c]);
                }
            }
            return new CameraReport(stats, faults, config.fps(), rate(total, first, lastHand), elapsed, stopped,
                    Optional.ofNullable(firstError.get()));
        }
    }

    /** (count − 1) intervals over the span between first and last frame, in frames per second. */
    private static double rate(long count, long firstNanos, long lastNanos) {
        return count < 2 || lastNanos <= firstNanos ? Double.NaN : (count - 1) * 1e9 / (lastNanos - firstNanos);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
