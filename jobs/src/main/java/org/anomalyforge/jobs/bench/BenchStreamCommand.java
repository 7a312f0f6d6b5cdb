package org.anomalyforge.jobs.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.anomalyforge.ingest.cameras.FaultPlan;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.dataset.DatasetSampleCommand;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.anomalyforge.jobs.spark.TorchThreads;
import org.anomalyforge.jobs.stream.InspectionTable;
import org.anomalyforge.jobs.stream.StreamRehearsal;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forge bench stream}: sustained frames/s, latency percentiles and consumer lag over time. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Runs the live half for real on this machine: an embedded Kafka broker, N simulated cameras at "
                + "a fixed rate, and the inspection query with an LFD model. Prints sustained frames/s against the "
                + "offered rate, capture → verdict latency p50/p95/p99 per camera, and consumer lag over time."},
        footer = {"", "Example:", "  forge bench stream --cameras 4 --fps 10 --seconds 60"})
public final class BenchStreamCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cameras", defaultValue = "4", description = "cameras (default: ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--fps", defaultValue = "10", description = "frames per second per camera (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--seconds", defaultValue = "60", description = "sending time (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--model", paramLabel = "RUN", description = "LFD run (default: a quickly trained 256×256 model)")
    Path model;

    @Option(names = "--source", paramLabel = "DIR", description = "images to replay (default: a generated sample product)")
    Path source;

    @Option(names = "--size", defaultValue = "256", description = "frame size sent by the cameras (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--batch", defaultValue = "8", description = "LFD inference batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--trigger-ms", defaultValue = "500", description = "micro-batch interval (default: ${DEFAULT-VALUE})")
    long triggerMs;

    @Option(names = "--work", paramLabel = "DIR", description = "working folder (default: a new temporary folder)")
    Path work;

    @Override
    public Integer call() throws Exception {
        TorchThreads.configureFor(Runtime.getRuntime().availableProcessors());   // one core per concurrent task
        Path dir = work != null ? work : Files.createTempDirectory("forge-bench-stream-");
        PrintWriter w = spec.commandLine().getOut();
        Path images = source;
        if (images == null) {
            images = dir.resolve("sample");
            DatasetSampleCommand.write(images, new SampleSpec(List.of(ProductKind.METAL), 7, 256, 10, 5, 5));
        }
        Path run = model != null ? model : QuickLfdModel.train(dir.resolve("models"), ProductKind.METAL, 256);
        SparkSession spark = SparkSessions.start("forge bench stream", null);
        try {
            StreamRehearsal.Result r = StreamRehearsal.run(spark, new StreamRehearsal.Options(run, images,
                    Optional.empty(), cameras, fps, Duration.ofSeconds(seconds), size, dir.resolve("stream"),
                    FaultPlan.none(), batch, Duration.ofMillis(triggerMs)), System.err);
            print(w, r, cameras * fps);
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** The latency/throughput table, the offered-vs-sustained line and the lag timeline. */
    public static void print(PrintWriter w, StreamRehearsal.Result r, double offeredFps) {
        TextTable t = new TextTable("camera", "frames", "defects", "p50 ms", "p95 ms", "p99 ms", "frames/s");
        for (InspectionTable.CameraSummary s : r.summary()) {
            t.row(s.camera(), s.frames(), s.defects(), f1(s.p50()), f1(s.p95()), f1(s.p99()), f1(s.framesPerSecond()));
        }
        w.println();
        w.print(t);
        double sustained = r.summary().stream().filter(s -> s.camera().equals("all")).mapToDouble(
                InspectionTable.CameraSummary::framesPerSecond).findFirst().orElse(Double.NaN);
        w.printf(Locale.ROOT, "offered %.1f frames/s (%d sent), sustained %.2f frames/s = %.2f× the offered rate; "
                + "%d dead-lettered; %.0f s wall time%n", offeredFps, r.cameras().framesSent(), sustained,
                sustained / offeredFps, r.deadLetters(), r.seconds());
        TextTable lag = new TextTable("t (s)", "produced", "consumed", "lag");
        int step = Math.max(1, r.lag().size() / 12);
        for (int i = 0; i < r.lag().size(); i += step) {
            StreamRehearsal.LagSample s = r.lag().get(i);
            lag.row(f1(s.seconds()), s.produced(), s.consumed(), s.lag());
        }
        StreamRehearsal.LagSample last = r.lag().get(r.lag().size() - 1);
        if ((r.lag().size() - 1) % step != 0) {
            lag.row(f1(last.seconds()), last.produced(), last.consumed(), last.lag());
        }
        w.println();
        w.println("consumer lag over time:");
        w.print(lag);
        w.flush();
    }

    private static String f1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }
}
