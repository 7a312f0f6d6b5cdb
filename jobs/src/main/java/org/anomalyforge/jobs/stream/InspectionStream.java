package org.anomalyforge.jobs.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.anomalyforge.ingest.frames.FrameCodec;
import org.anomalyforge.jobs.spark.ExecutorModels;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;

/**
 * The streaming inspection query (jobs/DESIGN.md, "Streaming inspection"): frames from Kafka, LFD per
 * frame in batches on the executors, verdicts to the {@code inspections} topic and to a Parquet table,
 * rejected records to the dead-letter topic.
 *
 * <p>Exactly-once results: Spark replays an unfinished micro-batch with the same offsets and the same
 * batch id after a crash, and the Parquet sink writes each batch to its own folder {@code batch=<id>}
 * with overwrite, so a replay replaces and never appends. The Kafka outputs are at-least-once.
 */
public final class InspectionStream {

    /**
     * @param bootstrap        Kafka bootstrap servers
     * @param kafkaOptions     passed to Kafka with the {@code kafka.} prefix (security settings, …)
     * @param runDir           LFD model-store run
     * @param checkpoint       Spark checkpoint folder (restart resumes from it)
     * @param out              results folder: {@code verdicts/} and {@code dlq/}
     * @param trigger          micro-batch interval; null = process what is available now, then stop
     * @param afterBatch       called on the driver after a batch's sinks were written (tests, metrics)
     */
    public record Options(String bootstrap, String framesTopic, String inspectionsTopic, String dlqTopic,
                          Map<String, String> kafkaOptions, Path runDir, Path checkpoint, Path out,
                          int maxOffsetsPerTrigger, int batchSize, boolean masks, java.time.Duration trigger,
                          LongConsumer afterBatch) {
        public Options {
            Objects.requireNonNull(bootstrap, "bootstrap");
            Objects.requireNonNull(runDir, "runDir");
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(out, "out");
            kafkaOptions = Map.copyOf(kafkaOptions);
            if (maxOffsetsPerTrigger < 1) {
                throw new IllegalArgumentException("maxOffsetsPerTrigger must be ≥ 1, got " + maxOffsetsPerTrigger);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
            }
            afterBatch = afterBatch == null ? id -> { } : afterBatch;
        }
    }

    private InspectionStream() {}

    /** Starts the query; the model is loaded (and its manifest verified) before the first batch. */
    public static StreamingQuery start(SparkSession spark, Options o) throws IOException, TimeoutException {
        String run = o.runDir().toAbsolutePath().toString();
        String runId = ExecutorModels.segmenter(run).runId();
        DataStreamReader reader = spark.readStream().format("kafka")
                .option("kafka.bootstrap.servers", o.bootstrap())
                .option("subscribe", o.framesTopic())
                .option("startingOffsets", "earliest")
                .option("includeHeaders", "true")
                .option("failOnDataLoss", "false")
                .option("maxOffsetsPerTrigger", o.maxOffsetsPerTrigger());
        for (Map.Entry<String, String> e : o.kafkaOptions().entrySet()) {
            reader = reader.option("kafka." + e.getKey(), e.getValue());
        }
        Dataset<Row> records = reader.load().select("key", "value", "topic", "partition", "offset", "headers");
        InspectPartition inspect = new InspectPartition(run, runId, o.batchSize(), o.masks(),
                FrameCodec.DEFAULT_MAX_PAYLOAD_BYTES);
        String verdicts = o.out().resolve("verdicts").toAbsolutePath().toString();
        String dlq = o.out().resolve("dlq").toAbsolutePath().toString();
        VoidFunction2<Dataset<Row>, Long> sink = (batch, id) -> {
            Dataset<Row> results = batch.mapPartitions(inspect, Encoders.row(InspectionSchema.RESULT))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                writeBatch(results, id, verdicts, dlq, o);
            } finally {
                results.unpersist();
            }
            o.afterBatch().accept(id);
        };
        var writer = records.writeStream().queryName("forge-inspect")
                .option("checkpointLocation", o.checkpoint().toAbsolutePath().toString())
                .foreachBatch(sink);
        writer = o.trigger() == null ? writer.trigger(Trigger.AvailableNow())
                : writer.trigger(Trigger.ProcessingTime(o.trigger().toMillis()));
        return writer.start();
    }

    private static void writeBatch(Dataset<Row> results, long id, String verdicts, String dlq, Options o) {
        Dataset<Row> ok = results.where(col(InspectionSchema.KIND).equalTo(InspectionSchema.VERDICT_ROW))
                .select(InspectionSchema.VERDICT_COLUMNS[0], java.util.Arrays.copyOfRange(
                        InspectionSchema.VERDICT_COLUMNS, 1, InspectionSchema.VERDICT_COLUMNS.length));
        Dataset<Row> bad = results.where(col(InspectionSchema.KIND).equalTo(InspectionSchema.DLQ_ROW))
                .select(InspectionSchema.DLQ_COLUMNS[0], java.util.Arrays.copyOfRange(
                        InspectionSchema.DLQ_COLUMNS, 1, InspectionSchema.DLQ_COLUMNS.length));
        // The table first: it is the exactly-once record; a replay of batch `id` overwrites this folder.
        ok.write().mode(SaveMode.Overwrite).parquet(verdicts + "/batch=" + id);
        bad.write().mode(SaveMode.Overwrite).parquet(dlq + "/batch=" + id);
        kafka(ok.select(col("camera").as("key"), to_json(struct(java.util.Arrays.stream(InspectionSchema.VERDICT_COLUMNS)
                .filter(c -> !c.equals("mask_png")).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))).as("value")), o.inspectionsTopic(), o);
        kafka(bad.select(col("dlq_key").as("key"), col("dlq_value").as("value"), col("dlq_headers").as("headers")),
                o.dlqTopic(), o);
    }

    private static void kafka(Dataset<Row> rows, String topic, Options o) {
        var w = rows.write().format("kafka").option("kafka.bootstrap.servers", o.bootstrap()).option("topic", topic);
        for (Map.Entry<String, String> e : o.kafkaOptions().entrySet()) {
            w = w.option("kafka." + e.getKey(), e.getValue());
        }
        w.save();
    }
}
