package org.anomalyforge.jobs.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.DatasetValidator;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.ValidationReport;
import org.anomalyforge.ingest.cameras.FaultPlan;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.jobs.bench.BenchStreamCommand;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.cli.Progress;
import org.anomalyforge.jobs.cli.WorkFailedException;
import org.anomalyforge.jobs.dataset.DatasetSampleCommand;
import org.anomalyforge.jobs.dataset.DatasetSummary;
import org.anomalyforge.jobs.generator.PerlinSynthesizeJob;
import org.anomalyforge.jobs.segmenter.MetricsTable;
import org.anomalyforge.jobs.segmenter.SegmenterEvaluateJob;
import org.anomalyforge.jobs.segmenter.SegmenterTrainCommand;
import org.anomalyforge.jobs.segmenter.SegmenterTrainJob;
import org.anomalyforge.jobs.segmenter.TrainSettings;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.anomalyforge.jobs.stream.StreamRehearsal;
import org.anomalyforge.segmenter.LfdPreset;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forge demo}: the whole pipeline on embedded defaults, every stage real, sized for minutes on
 * a laptop. Each run writes into its own time-stamped folder so earlier runs are never overwritten.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the pipeline end to end on a generated sample dataset: sample products → validation "
                + "and few-shot split → SeaS tiny fine-tune and samples (Spark task) → SeaS masks and pairs (Spark) → "
                + "Perlin baseline pairs (Spark) → LFD training (Spark task) → evaluation "
                + "on the held-out split (Spark) → live inspection of simulated cameras through an embedded Kafka broker "
                + "(Structured Streaming).", "Every stage is real; outputs go to a new folder under --work."},
        footer = {"", "Examples:", "  forge demo", "  forge demo --work /tmp/forge --seed 11"})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--work", defaultValue = "forge-work/demo", paramLabel = "DIR",
            description = "parent folder of the run folder (default: ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--seed", defaultValue = "7", description = "seed for every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "256", description = "sample image size, 128..512 (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--model-size", defaultValue = "128",
            description = "LFD input size and pair size, multiple of 32 (default: ${DEFAULT-VALUE})")
    int modelSize;

    @Option(names = "--pairs-per-type", defaultValue = "24", description = "Perlin pairs per defect type (default: ${DEFAULT-VALUE})")
    int pairsPerType;

    @Option(names = "--iterations", defaultValue = "300", description = "LFD training iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--epochs", defaultValue = "30", description = "LFD epoch budget, capped by --iterations (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seas-product", defaultValue = "tile", description = "product SeaS is fine-tuned on (default: ${DEFAULT-VALUE})")
    String seasProduct;

    @Option(names = "--seas-stage0-steps", defaultValue = "60", description = "SeaS stage-0 steps (default: ${DEFAULT-VALUE})")
    int seasStage0;

    @Option(names = "--seas-stage1-steps", defaultValue = "120", description = "SeaS stage-1 steps (default: ${DEFAULT-VALUE})")
    int seasStage1;

    @Option(names = "--seas-stage2-steps", defaultValue = "40", description = "SeaS stage-2 (mask branch) steps (default: ${DEFAULT-VALUE})")
    int seasStage2;

    @Option(names = "--seas-pairs-per-type", defaultValue = "4", description = "SeaS pairs per defect type (default: ${DEFAULT-VALUE})")
    int seasPairsPerType;

    @Option(names = "--stream-seconds", defaultValue = "20", description = "camera replay time (default: ${DEFAULT-VALUE})")
    int streamSeconds;

    @Option(names = "--stream-cameras", defaultValue = "2", description = "simulated cameras (default: ${DEFAULT-VALUE})")
    int streamCameras;

    @Option(names = "--stream-fps", defaultValue = "2", description = "frames/s per camera (default: ${DEFAULT-VALUE})")
    double streamFps;

    @Option(names = "--stream-product", defaultValue = "tile", description = "product the cameras show (default: ${DEFAULT-VALUE})")
    String streamProduct;

    @Option(names = "--master", description = "Spark master (default: local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Path run = work.resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(run)) {
            throw new WorkFailedException(run + " already exists; wait a second and run again");
        }
        Path data = run.resolve("data");
        out.println("AnomalyForge demo → " + run.toAbsolutePath());
        out.flush();

        stage(out, 1, "sample products (procedural, seed " + seed + ")");
        SampleSpec sample = SampleSpec.defaults().withSeed(seed).withSize(size);
        DatasetSampleCommand.write(data, sample);
        out.println("   " + sample.totalImages() + " images of " + sample.products().size() + " products in " + data);

        stage(out, 2, "validate the dataset and apply the few-shot split");
        Dataset dataset = new MvtecDatasetReader().read(data);
        ValidationReport report;
        try (Progress progress = Progress.start("check", DatasetSummary.fileCount(dataset), "file")) {
            report = new DatasetValidator(ImageCodec.withDefaults()).validate(dataset, progress::stepTo);
        }
        out.print(DatasetSummary.splitTable(report, OptionalInt.empty()));
        out.println("   " + DatasetSummary.closingLine(report));
        if (!report.ok()) {
            report.errors().forEach(e -> out.println("   " + e));
            throw new WorkFailedException("the generated sample dataset failed validation: " + report.errors().size()
                    + " error(s)");
        }

        SparkSession spark = SparkSessions.start("forge demo", master);
        try {
            stage(out, 3, "SeaS (tiny profile) on '" + seasProduct + "': stage 0 autoencoder + stage 1 unbalanced "
                    + "prompts with ε-MSE, NA and DA losses (" + seasStage0 + " + " + seasStage1 + " steps), then sampling");
            out.flush();
            Path seasRun = SeasDemoStage.run(spark, out, data, dataset.product(seasProduct).orElseThrow(() ->
                    new WorkFailedException("--seas-product '" + seasProduct + "' is not in " + data)),
                    run.resolve("seas"), 64, seasStage0, seasStage1, seed);

            stage(out, 4, "SeaS stage 2: refined mask prediction (" + seasStage2 + " steps, generator frozen), then "
                    + seasPairsPerType + " image–mask pairs per defect type as a restartable Spark job");
            out.flush();
            Path seasPairs = SeasDemoStage.pairs(spark, out, data, seasRun, run.resolve("seas"), run.resolve(
                    "pairs/seas"), seasStage2, seasPairsPerType, seed);

            stage(out, 5, "baseline pairs: DRAEM-style Perlin anomalies, a Spark job over seeds");
            Path pairs = run.resolve("pairs/perlin");
            PerlinSynthesizeJob.Summary synth = PerlinSynthesizeJob.run(spark,
                    new PerlinSynthesizeJob.Options(data, pairs, List.of(), pairsPerType, seed, modelSize, 0));
            out.println("   " + synth.total() + " pairs (" + pairsPerType + " per defect type) in " + pairs);

            stage(out, 6, "LFD training: real shots + normals + Perlin and SeaS pairs, one unified model ("
                    + iterations + " iterations at " + modelSize + "×" + modelSize + ")");
            Path store = run.resolve("models");
            List<SegmenterTrainJob.Trained> trained = SegmenterTrainJob.run(spark, new SegmenterTrainJob.Options(
                    data, List.of(pairs, seasPairs), store, List.of(), false, OptionalInt.empty(),
                    new TrainSettings(LfdPreset.SMOKE.name(), modelSize, 8, epochs, iterations, seed, null, null),
                    ForgeVersion.version()));
            SegmenterTrainCommand.print(out, trained);

            stage(out, 7, "evaluation on the held-out split (never seen in training or selection)");
            Path runDir = Path.of(trained.get(0).runDir());
            SegmenterEvaluateJob.Report evaluation = SegmenterEvaluateJob.run(spark, new SegmenterEvaluateJob.Options(
                    data, runDir, List.of(), run.resolve("evaluation"), 8, 0));
            out.print(MetricsTable.of(evaluation.metrics()));
            out.println("   " + evaluation.images() + " held-out images; metrics.json and scores.parquet in "
                    + run.resolve("evaluation"));

            stage(out, 8, "live inspection: embedded Kafka broker, " + streamCameras + " cameras replaying the held-out "
                    + "'" + streamProduct + "' images for " + streamSeconds + " s, Structured Streaming with the LFD model");
            out.flush();
            StreamRehearsal.Result live = StreamRehearsal.run(spark, new StreamRehearsal.Options(runDir,
                    data.resolve(streamProduct), Optional.empty(), streamCameras, streamFps,
                    Duration.ofSeconds(streamSeconds), size, run.resolve("stream"), FaultPlan.none(), 8,
                    Duration.ofMillis(500)), System.err);
            BenchStreamCommand.print(out, live, streamCameras * streamFps);
        } finally {
            spark.stop();
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.println();
        out.println("Demo finished in " + took.toSeconds() + " s. Outputs: " + run.toAbsolutePath());
        out.flush();
        return 0;
    }

    private static void stage(PrintWriter out, int n, String what) {
        out.println();
        out.println("[" + n + "] " + what);
        out.flush();
    }
}
