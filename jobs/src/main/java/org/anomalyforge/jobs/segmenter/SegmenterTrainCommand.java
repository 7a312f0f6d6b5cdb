package org.anomalyforge.jobs.segmenter;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.anomalyforge.segmenter.AugmentationPreset;
import org.anomalyforge.segmenter.LfdPreset;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge segmenter train}: LFD on real shots + normals + generated pairs, as a Spark job. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train LFD (SeaS protocol): the real few-shot shots with their masks, the train/good normals "
                + "and any generated pairs. One unified model by default; --per-product trains one per product.",
                "Selection uses a validation split of the generated pairs and normals (never the test split); "
                        + "the run lands in the model store as <store>/<model>/lfd/<run-id>/."},
        footer = {"", "Examples:",
                "  forge segmenter train --data data/sample --pairs pairs/perlin --store models --preset smoke",
                "  forge segmenter train --data ../shared/data/magnetic_tile --pairs pairs/mt --store models "
                        + "--max-shots 3 --size 256 --iterations 1500"})
public final class SegmenterTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset (MVTec layout)")
    Path data;

    @Option(names = "--pairs", split = ",", paramLabel = "PARQUET", description = "generated pairs (Parquet folders)")
    List<Path> pairs = List.of();

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "model store")
    Path store;

    @Option(names = "--products", split = ",", paramLabel = "NAME", description = "products (default: all)")
    List<String> products = List.of();

    @Option(names = "--per-product", description = "one model per product instead of one unified model")
    boolean perProduct;

    @Option(names = "--max-shots", paramLabel = "K", description = "use at most K real shots per defect type")
    Integer maxShots;

    @Option(names = "--preset", defaultValue = "CPU", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    LfdPreset preset;

    @Option(names = "--size", description = "input size, a multiple of 32 (default: the preset's)")
    Integer size;

    @Option(names = "--batch", description = "batch size (default: the preset's)")
    Integer batch;

    @Option(names = "--epochs", description = "epochs (default: the preset's)")
    Integer epochs;

    @Option(names = "--iterations", description = "iteration cap (default: the preset's)")
    Integer iterations;

    @Option(names = "--augment", description = "${COMPLETION-CANDIDATES} (default: the preset's)")
    AugmentationPreset augment;

    @Option(names = "--init-resnet18", paramLabel = "FILE",
            description = "initialise both stems from a torchvision ResNet-18 safetensors file (default: from scratch)")
    Path initResNet18;

    @Option(names = "--seed", description = "seed (default: 42)")
    Long seed;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        TrainSettings settings = new TrainSettings(preset.name(), size, batch, epochs, iterations, seed,
                augment == null ? null : augment.name(), initResNet18 == null ? null : initResNet18.toString());
        try {
            settings.toOptions();     // validate the combination before Spark starts
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SegmenterTrainJob.Options options = new SegmenterTrainJob.Options(data, pairs, store, products, perProduct,
                maxShots == null ? OptionalInt.empty() : OptionalInt.of(maxShots), settings, ForgeVersion.version());
        SparkSession spark = SparkSessions.start("forge segmenter train", master);
        try {
            print(spec.commandLine().getOut(), SegmenterTrainJob.run(spark, options));
            return 0;
        } finally {
            spark.stop();
        }
    }

    public static void print(PrintWriter w, List<SegmenterTrainJob.Trained> trained) {
        TextTable t = new TextTable("model", "samples", "generated", "real shots", "normals", "iterations",
                "loss first→last epoch", "best epoch", "val pixel AP", "τ_pixel", "τ_image");
        for (SegmenterTrainJob.Trained r : trained) {
            t.row(r.model(), r.samples(), r.generated(), r.realShots(), r.normals(), r.iterations(),
                    String.format(Locale.ROOT, "%.4f→%.4f", r.firstLoss(), r.lastLoss()), r.selectedEpoch(),
                    String.format(Locale.ROOT, "%.4f", r.valPixelAp()), String.format(Locale.ROOT, "%.3f", r.tauPixel()),
                    String.format(Locale.ROOT, "%.3f", r.tauImage()));
        }
        w.println();
        w.print(t);
        trained.forEach(r -> w.println("Model " + r.model() + ": " + r.runDir()));
        w.flush();
    }
}
