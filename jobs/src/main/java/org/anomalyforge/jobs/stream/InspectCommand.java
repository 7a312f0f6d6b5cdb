package org.anomalyforge.jobs.stream;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.anomalyforge.jobs.spark.TorchThreads;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge inspect}: streaming inspection of camera frames from Kafka with a trained LFD model. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Spark Structured Streaming from the frames topic: every valid frame is segmented by LFD (in "
                + "batches, model loaded once per executor) and gets a verdict on the inspections topic and in the "
                + "Parquet table <out>/verdicts; bad records go to the dead-letter topic with the reason.",
                "Restart with the same --checkpoint after a crash: every frame keeps exactly one verdict row. "
                        + "At the end it prints per-camera latency (capture → verdict) and throughput."},
        footer = {"", "Examples:",
                "  forge inspect --bootstrap 127.0.0.1:9092 --model models/unified/lfd/<run-id> --checkpoint ckpt --out results",
                "  forge inspect --bootstrap kafka:9093 --model RUN --checkpoint hdfs:///ckpt --out results "
                        + "--kafka-option security.protocol=SASL_SSL --kafka-option sasl.mechanism=PLAIN --seconds 3600"})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "frames", description = "frames topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--inspections-topic", defaultValue = "inspections", description = "verdict topic (default: ${DEFAULT-VALUE})")
    String inspectionsTopic;

    @Option(names = "--dlq-topic", defaultValue = "frames.dlq", description = "dead-letter topic (default: ${DEFAULT-VALUE})")
    String dlqTopic;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "LFD model-store run folder")
    Path model;

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "Spark checkpoint folder")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "results folder (verdicts/, dlq/)")
    Path out;

    @Option(names = "--max-offsets-per-trigger", defaultValue = "200", description = "records per micro-batch at most (default: ${DEFAULT-VALUE})")
    int maxOffsets;

    @Option(names = "--trigger-ms", defaultValue = "500", description = "micro-batch interval in ms (default: ${DEFAULT-VALUE})")
    long triggerMs;

    @Option(names = "--batch", defaultValue = "8", description = "LFD inference batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--masks", description = "store the defect mask PNG of each frame in the table")
    boolean masks;

    @Option(names = "--seconds", description = "stop after this many seconds (default: run until Ctrl-C)")
    Long seconds;

    @Option(names = "--available-now", description = "process what is in the topic now, then stop")
    boolean availableNow;

    @Option(names = "--kafka-option", paramLabel = "KEY=VALUE", description = "Kafka client setting (SASL/TLS, …), repeatable")
    Map<String, String> kafkaOptions = new LinkedHashMap<>();

    @Option(names = "--restarts", defaultValue = "5", description = "restarts from the checkpoint after failures (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        if (availableNow && seconds != null) {
            throw new ParameterException(spec.commandLine(), "--available-now and --seconds exclude each other");
        }
        // Local mode runs one inference task per core at once; give each forward one core.
        TorchThreads.configureFor(Runtime.getRuntime().availableProcessors());
        InspectionStream.Options options = new InspectionStream.Options(bootstrap, topic, inspectionsTopic, dlqTopic,
                kafkaOptions, model, checkpoint, out, maxOffsets, batch, masks,
                availableNow ? null : Duration.ofMillis(triggerMs), null);
        SupervisedStream.RunFor runFor = availableNow ? new SupervisedStream.RunFor.Drain()
                : seconds != null ? new SupervisedStream.RunFor.Duration(Duration.ofSeconds(seconds))
                : new SupervisedStream.RunFor.Forever();
        SparkSession spark = SparkSessions.start("forge inspect", master);
        Thread[] hook = new Thread[1];
        try {
            SupervisedStream.run(spark, options, runFor, restarts, System.err, query -> {
                if (hook[0] != null) {
                    Runtime.getRuntime().removeShutdownHook(hook[0]);
                }
                hook[0] = new Thread(() -> stopQuietly(query), "forge-inspect-stop");
                Runtime.getRuntime().addShutdownHook(hook[0]);
            });
            Runtime.getRuntime().removeShutdownHook(hook[0]);
            printSummary(spec.commandLine().getOut(), spark, out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static void stopQuietly(StreamingQuery query) {
        try {
            query.stop();
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("forge inspect: the query did not stop in time: " + e.getMessage());
        }
    }

    /** The per-camera latency and throughput table, and the dead-letter count. */
    public static void printSummary(PrintWriter w, SparkSession spark, Path out) {
        if (!InspectionTable.exists(out)) {
            w.println("No verdicts yet in " + out);
            w.flush();
            return;
        }
        List<InspectionTable.CameraSummary> rows = InspectionTable.summarise(spark, out);
        TextTable t = new TextTable("camera", "frames", "defects", "p50 ms", "p95 ms", "p99 ms", "frames/s");
        for (InspectionTable.CameraSummary s : rows) {
            t.row(s.camera(), s.frames(), s.defects(), fmt(s.p50()), fmt(s.p95()), fmt(s.p99()), fmt(s.framesPerSecond()));
        }
        w.println();
        w.print(t);
        w.println(InspectionTable.deadLetters(spark, out).count() + " record(s) dead-lettered; verdicts in "
                + out.resolve("verdicts"));
        w.flush();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }
}
