package org.anomalyforge.jobs.stream;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.anomalyforge.ingest.cameras.CameraReport;
import org.anomalyforge.ingest.cameras.CameraSimulator;
import org.anomalyforge.ingest.cameras.CameraSimulatorConfig;
import org.anomalyforge.ingest.cameras.CameraStats;
import org.anomalyforge.ingest.cameras.FaultKind;
import org.anomalyforge.ingest.cameras.FaultPlan;
import org.anomalyforge.ingest.cameras.FrameLibrary;
import org.anomalyforge.ingest.cameras.FrameRendering;
import org.anomalyforge.ingest.cameras.FrameSource;
import org.anomalyforge.ingest.cameras.RunLimit;
import org.anomalyforge.ingest.frames.FrameCodec;
import org.anomalyforge.ingest.frames.FrameEncoding;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.ingest.store.FileTrees;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.cli.WorkFailedException;
import org.anomalyforge.jobs.dataset.DatasetSampleCommand;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge cameras}: replay images or MJPG clips as several cameras onto Kafka, with optional faults. */
@Command(name = "cameras", mixinStandardHelpOptions = true,
        description = "Replay an MVTec-layout dataset, a folder of images or MJPG .avi clips as several cameras at a "
                + "fixed frame rate, publishing frame envelopes (key = camera id, value = JPEG/PNG, headers camera, "
                + "product, frame-index, captured-at, encoding, schema-version) to Kafka. Optionally injects bad "
                + "frames for testing the dead-letter path. Prints what was sent and the achieved rate.",
        footer = {"", "Examples:",
                "  forge cameras --bootstrap 127.0.0.1:9092 --source sample --seconds 30",
                "  forge cameras --bootstrap 127.0.0.1:9092 --cameras 4 --fps 10 --source data/mvtec --product bottle",
                "  forge cameras --bootstrap 127.0.0.1:9092 --source clips/line1.avi --frames 200 "
                        + "--faults corrupt,out-of-order --fault-rate 0.05 --seed 3",
                "  forge cameras --bootstrap kafka:9093 --source sample --kafka-option security.protocol=SSL"})
public final class CamerasCommand implements Callable<Integer> {

    /** Images per group of the {@code --source sample} product: 10 train/good, 4 test/good, 3 per defect type. */
    private static final int SAMPLE_TRAIN_GOOD = 10;
    private static final int SAMPLE_TEST_GOOD = 4;
    private static final int SAMPLE_PER_DEFECT = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "frames", description = "topic for the frames (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--cameras", defaultValue = "4", paramLabel = "N",
            description = "number of cameras, cam-1 … cam-N (default: ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--fps", defaultValue = "10", description = "frames per second per camera (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--source", required = true, paramLabel = "DIR|FILE|sample",
            description = "MVTec dataset or product folder, folder of images and/or .avi clips, one MJPG .avi clip, "
                    + "or 'sample' for a rendered sample product")
    String source;

    @Option(names = "--product", paramLabel = "NAME", description = "product to replay from a dataset with several "
            + "(for 'sample': fabric, metal or tile, default fabric); also the product header")
    String product;

    @ArgGroup(exclusive = true)
    Bound bound;

    /** How long to run: one of --seconds or --frames. */
    static final class Bound {
        @Option(names = "--seconds", paramLabel = "S", description = "run for S seconds (default: 10)")
        Double seconds;

        @Option(names = "--frames", paramLabel = "N", description = "send N frames per camera")
        Long frames;
    }

    @Option(names = "--faults", split = ",", paramLabel = "KIND",
            description = "faults to inject: corrupt, missing-header, oversized, out-of-order (default: none)")
    List<String> faults;

    @Option(names = "--fault-rate", defaultValue = "0.05", paramLabel = "P",
            description = "probability that a frame gets a fault, with --faults (default: ${DEFAULT-VALUE})")
    double faultRate;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the fault choices and of the sample (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "256", paramLabel = "PX",
            description = "frames are resized to PX×PX (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--encoding", defaultValue = "jpeg", description = "jpeg or png (default: ${DEFAULT-VALUE})")
    String encoding;

    @Option(names = "--quality", defaultValue = "90", description = "JPEG quality 1..100 (default: ${DEFAULT-VALUE})")
    int quality;

    @Option(names = "--oversize-bytes", paramLabel = "BYTES",
            description = "payload length of an oversized fault frame (default: the consumers' default limit + 1)")
    Integer oversizeBytes;

    @Option(names = "--kafka-option", paramLabel = "KEY=VALUE",
            description = "producer setting, repeatable (e.g. security.protocol=SASL_SSL)")
    Map<String, String> kafkaOptions = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        RunLimit limit = usage(this::runLimit);
        FaultPlan plan = usage(this::faultPlan);
        FrameRendering rendering = usage(() -> new FrameRendering(FrameEncoding.parse(encoding), size, quality));
        PrintWriter out = spec.commandLine().getOut();
        Path sampleDir = null;
        try {
            Path sourcePath;
            Optional<String> productName = Optional.ofNullable(product);
            if (source.equals("sample")) {
                ProductKind kind = usage(() -> ProductKind.fromFolderName(product == null ? "fabric" : product));
                sampleDir = Files.createTempDirectory("forge-cameras-sample-");
                int sampleSize = Math.max(SampleSpec.MIN_SIZE, Math.min(SampleSpec.MAX_SIZE, size));
                DatasetSampleCommand.write(sampleDir, new SampleSpec(List.of(kind), seed, sampleSize,
                        SAMPLE_TRAIN_GOOD, SAMPLE_TEST_GOOD, SAMPLE_PER_DEFECT));
                sourcePath = sampleDir;
                productName = Optional.of(kind.folderName());
            } else {
                sourcePath = Path.of(source);
            }
            Path resolved = sourcePath;
            Optional<String> wanted = productName;
            FrameSource frames = usage(() -> FrameSource.resolve(resolved, wanted));
            FrameLibrary library = FrameLibrary.load(frames.files(), rendering, ImageCodec.withDefaults());
            CameraSimulatorConfig config = usage(() -> new CameraSimulatorConfig(bootstrap, topic, cameras, fps,
                    frames.product(), limit, plan, kafkaOptions));
            out.println("Replaying " + library.size() + " frame(s) of '" + frames.product() + "' as " + cameras
                    + " camera(s) at " + fps + " fps to " + bootstrap + " topic '" + topic + "' ("
                    + describe(limit) + ").");
            out.flush();
            CameraReport report;
            try {
                report = runWithCtrlC(new CameraSimulator(config, library));
            } catch (KafkaException e) {
                throw new WorkFailedException("cannot publish to topic '" + topic + "' on " + bootstrap + ": "
                        + e.getMessage());
            }
            out.print(table(report));
            out.println(summary(report));
            out.flush();
            if (report.sendErrors() > 0) {
                throw new WorkFailedException(report.sendErrors() + " of " + (report.sendErrors() + report.framesSent())
                        + " frames were not delivered; first error: " + report.firstError().orElse("unknown"));
            }
            return 0;
        } finally {
            if (sampleDir != null) {
                FileTrees.delete(sampleDir);
            }
        }
    }

    /** Runs the simulator; Ctrl-C stops it early but still flushes and reports. */
    private static CameraReport runWithCtrlC(CameraSimulator simulator) {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            shuttingDown.set(true);
            simulator.stop();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "forge-cameras-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return simulator.run();
        } finally {
            finished.countDown();
            // While the JVM exits (Ctrl-C) the hook is running and cannot be removed; otherwise remove it.
            if (!shuttingDown.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private RunLimit runLimit() {
        if (bound != null && bound.frames != null) {
            return RunLimit.frames(bound.frames);
        }
        double seconds = bound == null || bound.seconds == null ? 10.0 : bound.seconds;
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be > 0, got " + seconds);
        }
        return RunLimit.duration(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    private FaultPlan faultPlan() {
        Set<FaultKind> kinds = faults == null ? Set.of()
                : faults.stream().map(FaultKind::parse).collect(Collectors.toSet());
        int oversize = oversizeBytes == null ? FrameCodec.DEFAULT_MAX_PAYLOAD_BYTES + 1 : oversizeBytes;
        return kinds.isEmpty() ? new FaultPlan(Set.of(), 0, seed, oversize)
                : new FaultPlan(kinds, faultRate, seed, oversize);
    }

    static String table(CameraReport report) {
        TextTable table = new TextTable("camera", "frames", "errors", "fps", "target fps");
        for (CameraStats c : report.cameras()) {
            table.row(c.camera(), c.framesSent(), c.sendErrors(), fps(c.achievedFps()), fps(report.targetFps()));
        }
        table.row("all", report.framesSent(), report.sendErrors(), fps(report.overallFps()),
                fps(report.targetFps() * report.cameras().size()));
        return table.toString();
    }

    static String summary(CameraReport report) {
        String faultText = report.faultsInjected() == 0 ? "none" : Stream.of(FaultKind.values())
                .filter(k -> report.faults().get(k) > 0)
                .map(k -> k.cliName() + " " + report.faults().get(k)).collect(Collectors.joining(", "));
        return "Sent " + report.framesSent() + " frame(s) in " + String.format(Locale.ROOT, "%.1f",
                report.elapsed().toMillis() / 1000.0) + " s" + (report.stopped() ? " (stopped early)" : "")
                + "; faults injected: " + faultText + ".";
    }

    private static String fps(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String describe(RunLimit limit) {
        return limit.framesPerCamera().isPresent() ? limit.framesPerCamera().getAsLong() + " frames per camera"
                : String.format(Locale.ROOT, "%.1f s", limit.duration().orElseThrow().toMillis() / 1000.0);
    }

    /** Runs {@code step}, turning a rejected argument into a usage error (exit code 2). */
    private <T> T usage(UsageStep<T> step) throws IOException {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface UsageStep<T> {
        T get() throws IOException;
    }
}
