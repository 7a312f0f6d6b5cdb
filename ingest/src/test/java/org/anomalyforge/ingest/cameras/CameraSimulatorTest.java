package org.anomalyforge.ingest.cameras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.anomalyforge.ingest.broker.EmbeddedKafkaBroker;
import org.anomalyforge.ingest.frames.FrameCodec;
import org.anomalyforge.ingest.frames.FrameDecoding;
import org.anomalyforge.ingest.frames.FrameEncoding;
import org.anomalyforge.ingest.frames.FrameEnvelope;
import org.anomalyforge.ingest.frames.FrameRejection;
import org.anomalyforge.ingest.frames.KafkaHeader;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CameraSimulatorTest {

    /** The consumer-side limit in the oversized test; the simulator pads to 4096 bytes. */
    private static final FrameCodec SMALL_LIMIT = new FrameCodec(4000);
    private static EmbeddedKafkaBroker broker;
    private static FrameLibrary library;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        ImageCodec codec = ImageCodec.withDefaults();
        List<byte[]> payloads = new ArrayList<>();
        for (int shade = 0; shade < 3; shade++) {
            byte[] pixels = new byte[16 * 16 * 3];
            java.util.Arrays.fill(pixels, (byte) (40 + 80 * shade));
            payloads.add(codec.encodeJpeg(new RgbImage(16, 16, pixels), 90));
        }
        library = FrameLibrary.of(FrameEncoding.JPEG, payloads);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static CameraReport run(String topic, RunLimit limit, double fps, int cameras, FaultPlan faults) {
        broker.createTopics(topic);
        CameraSimulatorConfig config = new CameraSimulatorConfig(broker.bootstrapServers(), topic, cameras, fps,
                "widget", limit, faults, Map.of());
        return new CameraSimulator(config, library).run();
    }

    private static FaultPlan everyFrame(FaultKind kind) {
        return new FaultPlan(Set.of(kind), 1.0, 11L, 4096);
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
        return consume(topic, expected, "test-" + topic);
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected, String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // Anything beyond the expected count would be a defect: give it one more poll to show up.
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        return records;
    }

    private static List<FrameDecoding> decodeAll(FrameCodec codec, List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> codec.check(r.key(), r.value(), KafkaHeader.fromKafka(r.headers())))
                .toList();
    }

    /** Frame indices per camera in arrival order. */
    private static Map<String, List<Long>> indicesByCamera(List<FrameDecoding> decoded) {
        Map<String, List<Long>> byCamera = new TreeMap<>();
        for (FrameDecoding d : decoded) {
            FrameEnvelope frame = assertInstanceOf(FrameDecoding.Valid.class, d).envelope();
            byCamera.computeIfAbsent(frame.camera(), c -> new ArrayList<>()).add(frame.frameIndex());
        }
        return byCamera;
    }

    private static List<FrameRejection> rejections(List<FrameDecoding> decoded) {
        return decoded.stream().map(d -> assertInstanceOf(FrameDecoding.Invalid.class, d).rejection()).toList();
    }

    @Test
    void twoCamerasFiveFramesEachArriveAsValidEnvelopesInOrder() {
        CameraReport report = run("clean", RunLimit.frames(5), 200, 2, FaultPlan.none());
        List<FrameDecoding> decoded = decodeAll(FrameCodec.withDefaults(), consume("clean", 10));
        assertEquals(10, decoded.size());
        assertEquals(Map.of("cam-1", List.of(0L, 1L, 2L, 3L, 4L), "cam-2", List.of(0L, 1L, 2L, 3L, 4L)),
                indicesByCamera(decoded));
        FrameEnvelope first = ((FrameDecoding.Valid) decoded.get(0)).envelope();
        assertEquals("widget", first.product());
        assertEquals(FrameEncoding.JPEG, first.encoding());
        assertEquals(10, report.framesSent());
        assertEquals(0, report.sendErrors());
        assertEquals(0, report.faultsInjected());
        assertEquals(List.of(5L, 5L), report.cameras().stream().map(CameraStats::framesSent).toList());
        assertEquals(Optional.empty(), report.firstError());
    }

    @Test
    void camerasStartAtDifferentLibraryFrames() {
        run("offsets", RunLimit.frames(1), 100, 3, FaultPlan.none());
        List<ConsumerRecord<String, byte[]>> records = consume("offsets", 3);
        Map<String, byte[]> byCamera = new TreeMap<>();
        records.forEach(r -> byCamera.put(r.key(), r.value()));
        // 3 cameras over a 3-frame library: camera c starts at frame c.
        assertArrayEquals(library.payload(0), byCamera.get("cam-1"));
        assertArrayEquals(library.payload(1), byCamera.get("cam-2"));
        assertArrayEquals(library.payload(2), byCamera.get("cam-3"));
    }

    @Test
    void fixedRateByAbsoluteSchedule() {
        CameraReport byTime = run("timed", RunLimit.duration(Duration.ofMillis(500)), 10, 1, FaultPlan.none());
        // Frames due at 0, 100, …, 400 ms are before the 500 ms end: exactly 5.
        assertEquals(5, byTime.framesSent());
        double fps = byTime.cameras().get(0).achievedFps();
        assertTrue(fps > 9.0 && fps < 11.0, "achieved fps " + fps + " should be about 10");
        assertEquals(10.0, byTime.targetFps());
    }

    @Test
    void corruptFramesAreRejectedForTheirMagicBytes() {
        CameraReport report = run("corrupt", RunLimit.frames(5), 200, 2, everyFrame(FaultKind.CORRUPT));
        assertEquals(10L, report.faults().get(FaultKind.CORRUPT));
        List<FrameRejection> rejected = rejections(decodeAll(FrameCodec.withDefaults(), consume("corrupt", 10)));
        assertEquals(10, rejected.size());
        for (FrameRejection r : rejected) {
            assertEquals(FrameRejection.Kind.ENCODING_MISMATCH, r.kind());
            assertTrue(r.reason().startsWith("payload does not match header 'encoding' 'jpeg': it starts with "),
                    r.reason());
        }
    }

    @Test
    void missingHeaderFramesNameTheHeader() {
        CameraReport report = run("missing", RunLimit.frames(5), 200, 2, everyFrame(FaultKind.MISSING_HEADER));
        assertEquals(10L, report.faults().get(FaultKind.MISSING_HEADER));
        List<FrameRejection> rejected = rejections(decodeAll(FrameCodec.withDefaults(), consume("missing", 10)));
        assertEquals(10, rejected.size());
        for (FrameRejection r : rejected) {
            assertEquals(FrameRejection.Kind.MISSING_HEADER, r.kind());
            assertEquals("missing header '" + r.field() + "'", r.reason());
        }
    }

    @Test
    void oversizedFramesAreOverTheConsumersLimit() {
        CameraReport report = run("oversized", RunLimit.frames(5), 200, 2, everyFrame(FaultKind.OVERSIZED));
        assertEquals(10L, report.faults().get(FaultKind.OVERSIZED));
        List<FrameRejection> rejected = rejections(decodeAll(SMALL_LIMIT, consume("oversized", 10)));
        assertEquals(10, rejected.size());
        for (FrameRejection r : rejected) {
            assertEquals(new FrameRejection(FrameRejection.Kind.OVERSIZED_PAYLOAD, "payload",
                    "payload is 4096 bytes, over the limit of 4000 bytes"), r);
        }
        // Zero padding keeps the image itself valid, so a generous consumer accepts it.
        List<FrameDecoding> generous = decodeAll(FrameCodec.withDefaults(), consume("oversized", 10, "generous"));
        assertEquals(10, generous.size());
        generous.forEach(d -> assertInstanceOf(FrameDecoding.Valid.class, d));
    }

    @Test
    void outOfOrderFramesSwapWithTheNextFrame() {
        CameraReport report = run("unordered", RunLimit.frames(5), 200, 2, everyFrame(FaultKind.OUT_OF_ORDER));
        // Frames 0 and 2 are held back; frames 1 and 3 release them; frame 4 is last and goes out clean.
        assertEquals(4L, report.faults().get(FaultKind.OUT_OF_ORDER));
        assertEquals(10, report.framesSent());
        Map<String, List<Long>> indices = indicesByCamera(decodeAll(FrameCodec.withDefaults(),
                consume("unordered", 10)));
        assertEquals(Map.of("cam-1", List.of(1L, 0L, 3L, 2L, 4L), "cam-2", List.of(1L, 0L, 3L, 2L, 4L)), indices);
    }

    @Test
    void faultRateSelectsFramesWithTheSeed() {
        FaultPlan plan = new FaultPlan(Set.of(FaultKind.CORRUPT, FaultKind.MISSING_HEADER), 0.5, 3L, 4096);
        CameraReport a = run("mixed-a", RunLimit.frames(20), 500, 1, plan);
        CameraReport b = run("mixed-b", RunLimit.frames(20), 500, 1, plan);
        assertEquals(a.faults(), b.faults());
        long bad = rejections(decodeAll(FrameCodec.withDefaults(), consume("mixed-a", 20)).stream()
                .filter(d -> d instanceof FrameDecoding.Invalid).toList()).size();
        assertEquals(a.faultsInjected(), bad);
        Map<FaultKind, Long> expectedKinds = new EnumMap<>(FaultKind.class);
        a.faults().forEach((k, v) -> {
            if (v > 0) {
                expectedKinds.put(k, v);
            }
        });
        assertEquals(Set.of(FaultKind.CORRUPT, FaultKind.MISSING_HEADER), expectedKinds.keySet());
    }
}
