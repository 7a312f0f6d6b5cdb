package org.anomalyforge.jobs.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.anomalyforge.ingest.broker.EmbeddedKafkaBroker;
import org.anomalyforge.ingest.frames.FrameCodec;
import org.anomalyforge.ingest.frames.FrameDecoding;
import org.anomalyforge.ingest.frames.KafkaHeader;
import org.anomalyforge.jobs.cli.ForgeExceptionHandler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CamerasCommandTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics("frames");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run cameras(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CamerasCommand())
                .setExecutionExceptionHandler(new ForgeExceptionHandler());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sampleSourceReplaysAsTwoCamerasAndPrintsTheTable() {
        Run run = cameras("--bootstrap", broker.bootstrapServers(), "--source", "sample", "--product", "metal",
                "--cameras", "2", "--fps", "50", "--frames", "3", "--size", "64");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Replaying 23 frame(s) of 'metal' as 2 camera(s) at 50.0 fps"), run.out());
        assertTrue(run.out().contains("camera  frames  errors"), run.out());
        assertTrue(run.out().matches("(?s).*cam-1\\s+3\\s+0\\s+.*cam-2\\s+3\\s+0\\s+.*all\\s+6\\s+0\\s+.*"), run.out());
        assertTrue(run.out().contains("Sent 6 frame(s) in "), run.out());
        assertTrue(run.out().contains("faults injected: none."), run.out());

        List<ConsumerRecord<String, byte[]>> records = consume(6);
        assertEquals(6, records.size());
        FrameCodec codec = FrameCodec.withDefaults();
        for (ConsumerRecord<String, byte[]> r : records) {
            FrameDecoding d = codec.check(r.key(), r.value(), KafkaHeader.fromKafka(r.headers()));
            FrameDecoding.Valid valid = (FrameDecoding.Valid) d;
            assertEquals("metal", valid.envelope().product());
        }
    }

    @Test
    void badUsageExitsWithCodeTwoAndNamesTheValue() {
        Run fault = cameras("--bootstrap", "127.0.0.1:1", "--source", "sample", "--faults", "late");
        assertEquals(2, fault.exitCode());
        assertTrue(fault.err().contains("fault must be one of corrupt, missing-header, oversized, out-of-order, "
                + "got 'late'"), fault.err());
        Run both = cameras("--bootstrap", "127.0.0.1:1", "--source", "sample", "--seconds", "1", "--frames", "2");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        Run missing = cameras("--bootstrap", "127.0.0.1:1", "--source", "/no/such/folder");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("source /no/such/folder does not exist"), missing.err());
    }

    @Test
    void unreachableBrokerFailsWithCodeOneAndNamesTheTopic() {
        Run run = cameras("--bootstrap", "127.0.0.1:1", "--source", "sample", "--frames", "1", "--size", "128",
                "--kafka-option", "max.block.ms=500");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("cannot publish to topic 'frames' on 127.0.0.1:1: Topic frames not present in "
                + "metadata after 500 ms"), run.err());
    }

    private static List<ConsumerRecord<String, byte[]>> consume(int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "cameras-command-test");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("frames"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
