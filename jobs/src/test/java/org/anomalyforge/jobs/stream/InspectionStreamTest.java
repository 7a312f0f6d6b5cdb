package org.anomalyforge.jobs.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.anomalyforge.ingest.broker.EmbeddedKafkaBroker;
import org.anomalyforge.ingest.frames.FrameCodec;
import org.anomalyforge.ingest.frames.FrameEncoding;
import org.anomalyforge.ingest.frames.FrameEnvelope;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.jobs.LocalSpark;
import org.anomalyforge.jobs.bench.QuickLfdModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming inspection on a real embedded KRaft broker and a real local SparkSession. */
class InspectionStreamTest {
    @TempDir
    static Path tmp;

    static EmbeddedKafkaBroker broker;
    static Path model;
    static byte[] jpeg;

    @BeforeAll
    static void setUp() throws IOException {
        broker = EmbeddedKafkaBroker.start();
        model = QuickLfdModel.train(tmp.resolve("store"), ProductKind.METAL, 64);
        ImageCodec codec = ImageCodec.withDefaults();
        jpeg = codec.encodeJpeg(SampleProductGenerator.render(ProductKind.METAL, "test", Optional.of("rust"), 0, 2, 128)
                .image(), 90);
    }

    @AfterAll
    static void tearDown() {
        broker.close();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("acks", "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends frames 0..n-1 of each camera; returns nothing until all are acknowledged. */
    private static void sendFrames(String topic, List<String> cameras, int from, int to) throws Exception {
        FrameCodec codec = FrameCodec.withDefaults();
        try (KafkaProducer<String, byte[]> p = producer()) {
            for (int i = from; i < to; i++) {
                for (String camera : cameras) {
                    long now = System.currentTimeMillis() * 1000;
                    p.send(codec.toRecord(topic, FrameEnvelope.of(camera, "metal", i, now, FrameEncoding.JPEG, jpeg))).get();
                }
            }
        }
    }

    private InspectionStream.Options options(String name, Duration trigger, java.util.function.LongConsumer after) {
        broker.createTopics(2, name, name + ".inspections", name + ".dlq");
        return new InspectionStream.Options(broker.bootstrapServers(), name, name + ".inspections", name + ".dlq",
                Map.of(), model, tmp.resolve(name + "/ckpt"), tmp.resolve(name + "/out"), 7, 4, false, trigger, after);
    }

    private static List<ConsumerRecord<String, byte[]>> consumeAll(String topic, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("group.id", "test-" + topic);
        p.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static Set<String> verdictKeys(SparkSession spark, Path out) {
        Set<String> keys = new HashSet<>();
        for (Row r : InspectionTable.verdicts(spark, out).select("camera", "frame_index").collectAsList()) {
            keys.add(r.getString(0) + "#" + r.getLong(1));
        }
        return keys;
    }

    private static Set<String> expected(List<String> cameras, int n) {
        Set<String> keys = new HashSet<>();
        for (String c : cameras) {
            for (int i = 0; i < n; i++) {
                keys.add(c + "#" + i);
            }
        }
        return keys;
    }

    @Test
    void everyFrameGetsOneVerdictAndBadRecordsAreDeadLetteredWithTheirReason() throws Exception {
        SparkSession spark = LocalSpark.get();
        InspectionStream.Options o = options("t1", null, null);
        sendFrames("t1", List.of("cam-a", "cam-b"), 0, 10);
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(new ProducerRecord<>("t1", "cam-a", "not an image".getBytes(StandardCharsets.UTF_8))).get();
            ProducerRecord<String, byte[]> wrongKey = FrameCodec.withDefaults().toRecord("t1",
                    FrameEnvelope.of("cam-b", "metal", 99, 1, FrameEncoding.JPEG, jpeg));
            p.send(new ProducerRecord<>("t1", null, "cam-z", wrongKey.value(), wrongKey.headers())).get();
        }
        StreamingQuery q = InspectionStream.start(spark, o);
        q.awaitTermination();

        assertEquals(expected(List.of("cam-a", "cam-b"), 10), verdictKeys(spark, o.out()));
        assertEquals(20, InspectionTable.verdicts(spark, o.out()).count());
        List<Row> dlq = InspectionTable.deadLetters(spark, o.out()).collectAsList();
        assertEquals(2, dlq.size());
        Set<String> reasons = new HashSet<>();
        dlq.forEach(r -> reasons.add(r.getAs("dlq_reason")));
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("missing headers 'schema-version', 'camera'")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("cam-z")), reasons.toString());

        List<ConsumerRecord<String, byte[]>> inspections = consumeAll("t1.inspections", 20);
        assertEquals(20, inspections.size());
        String json = new String(inspections.get(0).value(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"frame_index\"") && json.contains("\"verdict\""), json);
        List<ConsumerRecord<String, byte[]>> dead = consumeAll("t1.dlq", 2);
        assertEquals(2, dead.size());
        assertTrue(dead.stream().allMatch(r -> r.headers().lastHeader("dlq-reason") != null));
        assertEquals(21, InspectionTable.summarise(spark, o.out()).stream()
                .filter(s -> !s.camera().equals("all")).mapToLong(InspectionTable.CameraSummary::frames).sum() + 1);
    }

    @Test
    void aCrashAfterTheSinksWroteIsReplayedWithoutLosingOrDuplicatingVerdicts() throws Exception {
        SparkSession spark = LocalSpark.get();
        AtomicInteger batches = new AtomicInteger();
        InspectionStream.Options crashing = options("t2", null, id -> {
            if (batches.incrementAndGet() == 2) {
                throw new IllegalStateException("simulated crash after batch " + id + " was written");
            }
        });
        sendFrames("t2", List.of("cam-a", "cam-b", "cam-c"), 0, 8);
        StreamingQuery first = InspectionStream.start(spark, crashing);
        assertThrows(StreamingQueryException.class, first::awaitTermination);

        InspectionStream.Options resumed = options("t2", null, null);   // same checkpoint and out
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        SupervisedStream.run(spark, resumed, new SupervisedStream.RunFor.Drain(), 3,
                new java.io.PrintStream(log, true, StandardCharsets.UTF_8), q -> { });
        assertEquals(expected(List.of("cam-a", "cam-b", "cam-c"), 8), verdictKeys(spark, resumed.out()));
        // No duplicates even before deduplication: the replayed batch overwrote its own folder.
        assertEquals(24, spark.read().schema(InspectionSchema.VERDICT_TABLE)
                .parquet(resumed.out().resolve("verdicts").toString()).count());
    }

    @Test
    void theQueryRecoversWhenTheBrokerRestarts() throws Exception {
        SparkSession spark = LocalSpark.get();
        InspectionStream.Options o = options("t3", Duration.ofMillis(300), null);
        StreamingQuery q = InspectionStream.start(spark, o);
        try {
            sendFrames("t3", List.of("cam-a"), 0, 5);
            waitFor(() -> verdictCount(spark, o.out()) >= 5, "first 5 verdicts");
            broker.restart();
            sendFrames("t3", List.of("cam-a"), 5, 10);
            waitFor(() -> verdictCount(spark, o.out()) >= 10, "verdicts after the broker restart");
        } finally {
            q.stop();
        }
        assertEquals(expected(List.of("cam-a"), 10), verdictKeys(spark, o.out()));
    }

    private static long verdictCount(SparkSession spark, Path out) {
        return InspectionTable.exists(out) ? InspectionTable.verdicts(spark, out).count() : 0;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
