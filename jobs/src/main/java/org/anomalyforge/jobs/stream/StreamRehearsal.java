package org.anomalyforge.jobs.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anomalyforge.ingest.broker.EmbeddedKafkaBroker;
import org.anomalyforge.ingest.cameras.CameraReport;
import org.anomalyforge.ingest.cameras.CameraSimulator;
import org.anomalyforge.ingest.cameras.CameraSimulatorConfig;
import org.anomalyforge.ingest.cameras.FaultPlan;
import org.anomalyforge.ingest.cameras.FrameLibrary;
import org.anomalyforge.ingest.cameras.FrameRendering;
import org.anomalyforge.ingest.cameras.FrameSource;
import org.anomalyforge.ingest.cameras.RunLimit;
import org.anomalyforge.ingest.frames.FrameEncoding;
import org.anomalyforge.ingest.image.ImageCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * A bounded, real run of the live half on this machine: an embedded KRaft broker, simulated cameras
 * replaying a dataset at a fixed rate, and the inspection query consuming them — with the consumer lag
 * sampled every second. Used by {@code forge bench stream} and {@code forge demo}.
 */
public final class StreamRehearsal {

    public record Options(Path runDir, Path source, Optional<String> product, int cameras, double fps,
                          Duration duration, int frameSize, Path work, FaultPlan faults, int batchSize,
                          Duration trigger) {}

    /** Consumer lag (records produced but not yet consumed by the query) at a time since the start. */
    public record LagSample(double seconds, long produced, long consumed) {
        public long lag() {
            return produced - consumed;
        }
    }

    public record Result(CameraReport cameras, List<InspectionTable.CameraSummary> summary, List<LagSample> lag,
                         long deadLetters, double seconds) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRehearsal() {}

    public static Result run(SparkSession spark, Options o, PrintStream log) throws Exception {
        FrameSource frames = FrameSource.resolve(o.source(), o.product());
        FrameLibrary library = FrameLibrary.load(frames.files(),
                new FrameRendering(FrameEncoding.JPEG, o.frameSize(), 90), ImageCodec.withDefaults());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(o.work().resolve("kafka"), 0, 0)) {
            broker.createTopics(2, "frames", "inspections", "frames.dlq");
            InspectionStream.Options inspect = new InspectionStream.Options(broker.bootstrapServers(), "frames",
                    "inspections", "frames.dlq", Map.of(), o.runDir(), o.work().resolve("checkpoint"),
                    o.work().resolve("results"), 500, o.batchSize(), false, o.trigger(), null);
            StreamingQuery query = InspectionStream.start(spark, inspect);
            log.println("   broker " + broker.bootstrapServers() + "; inspection query started; replaying "
                    + library.size() + " frames of '" + frames.product() + "' as " + o.cameras() + " camera(s) at "
                    + o.fps() + " fps for " + o.duration().toSeconds() + " s");
            CameraSimulator cameras = new CameraSimulator(new CameraSimulatorConfig(broker.bootstrapServers(), "frames",
                    o.cameras(), o.fps(), frames.product(), RunLimit.duration(o.duration()), o.faults(), Map.of()),
                    library);
            ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "forge-cameras"));
            List<LagSample> lag = new ArrayList<>();
            long start = System.nanoTime();
            CameraReport report;
            try (Admin admin = Admin.create(adminProps(broker.bootstrapServers()))) {
                Future<CameraReport> sending = pool.submit(cameras::run);
                while (!sending.isDone()) {
                    lag.add(sample(admin, query, start));
                    Thread.sleep(1000);
                }
                report = sending.get();
                // Drain: wait until the query has consumed everything the cameras sent (bounded).
                long drainDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                LagSample s = sample(admin, query, start);
                while (s.lag() > 0 && System.nanoTime() < drainDeadline && query.isActive()) {
                    lag.add(s);
                    Thread.sleep(1000);
                    s = sample(admin, query, start);
                }
                lag.add(s);
            } catch (ExecutionException e) {
                throw new IOException("camera simulator failed: " + e.getCause().getMessage(), e.getCause());
            } finally {
                pool.shutdownNow();
                query.stop();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Path results = o.work().resolve("results");
            return new Result(report, InspectionTable.summarise(spark, results), lag,
                    InspectionTable.deadLetters(spark, results).count(), seconds);
        }
    }

    private static Properties adminProps(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    /** Produced = sum of the frames topic's end offsets; consumed = the query's last committed end offsets. */
    private static LagSample sample(Admin admin, StreamingQuery query, long start) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new java.util.HashMap<>();
        for (var p : admin.describeTopics(List.of("frames")).allTopicNames().get().get("frames").partitions()) {
            specs.put(new TopicPartition("frames", p.partition()), OffsetSpec.latest());
        }
        long produced = 0;
        for (var e : admin.listOffsets(specs).all().get().values()) {
            produced += e.offset();
        }
        long consumed = 0;
        StreamingQueryProgress progress = query.lastProgress();
        if (progress != null && progress.sources().length > 0 && progress.sources()[0].endOffset() != null) {
            JsonNode end = JSON.readTree(progress.sources()[0].endOffset()).path("frames");
            for (JsonNode n : end) {
                consumed += n.asLong();
            }
        }
        return new LagSample((System.nanoTime() - start) / 1e9, produced, consumed);
    }
}
