package org.anomalyforge.jobs.generator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.SeasProfile;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge generator finetune}: SeaS stages 0–1, one model per product, as a Spark job. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Fine-tune a SeaS generator per product on its few-shot defect shots (with masks) and normal "
                + "images: stage 0 fits the tiny autoencoder (tiny profile), stage 1 learns the unbalanced abnormal "
                + "prompts with the ε-MSE, NA and DA losses.", "Products train in parallel Spark tasks; each run lands "
                + "in the model store as <store>/<product>/seas/<run-id>/ and resumes if interrupted."},
        footer = {"", "Examples:", "  forge generator finetune --data data/sample --products tile --store models",
                "  forge generator finetune --data ../shared/data/magnetic_tile --store models --max-shots 3 "
                        + "--stage1-steps 2000"})
public final class FinetuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset (MVTec layout)")
    Path data;

    @Option(names = "--products", split = ",", paramLabel = "NAME", description = "products (default: all)")
    List<String> products = List.of();

    @Option(names = "--profile", defaultValue = "TINY", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    SeasProfile profile;

    @Option(names = "--init", paramLabel = "SD_DIR", description = "diffusers SD-1.4 folder to start from (sd14)")
    Path init;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "model store")
    Path store;

    @Option(names = "--max-shots", paramLabel = "K", description = "use at most K shots per defect type")
    Integer maxShots;

    @Option(names = "--size", description = "image size (default: the profile's)")
    Integer size;

    @Option(names = "--stage0-steps", description = "stage 0 steps (default: the profile's)")
    Integer stage0Steps;

    @Option(names = "--stage1-steps", description = "stage 1 steps (default: the profile's)")
    Integer stage1Steps;

    @Option(names = "--batch", description = "micro-batch size (default: the profile's)")
    Integer batch;

    @Option(names = "--seed", description = "seed (default: the profile's)")
    Long seed;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        SeasFinetuneOptions options;
        try {
            options = options(profile, init, size, stage0Steps, stage1Steps, batch, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SparkSession spark = SparkSessions.start("forge generator finetune", master);
        try {
            print(spec.commandLine().getOut(), SeasFinetuneJob.run(spark, new SeasFinetuneJob.Options(data, store,
                    products, maxShots == null ? OptionalInt.empty() : OptionalInt.of(maxShots), options,
                    ForgeVersion.version())));
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** The profile's defaults with the given overrides (null keeps the default). */
    public static SeasFinetuneOptions options(SeasProfile profile, Path init, Integer size, Integer stage0Steps,
                                              Integer stage1Steps, Integer batch, Long seed) {
        SeasFinetuneOptions d = profile == SeasProfile.TINY ? SeasFinetuneOptions.tinyDefaults()
                : SeasFinetuneOptions.sd14Defaults();
        return new SeasFinetuneOptions(profile, size != null ? size : d.imageSize(),
                stage0Steps != null ? stage0Steps : d.stage0Steps(), stage1Steps != null ? stage1Steps : d.stage1Steps(),
                batch != null ? batch : d.batchSize(), d.gradientAccumulation(), seed != null ? seed : d.seed(),
                init != null ? init : d.sdInit());
    }

    public static void print(PrintWriter w, List<SeasFinetuneJob.Finetuned> runs) {
        TextTable t = new TextTable("product", "shots", "normals", "steps", "loss term", "first", "last");
        for (SeasFinetuneJob.Finetuned r : runs) {
            r.firstLast().forEach((term, v) -> t.row(r.product(), r.anomalies(), r.normals(), r.steps(), term,
                    String.format(Locale.ROOT, "%.4f", v[0]), String.format(Locale.ROOT, "%.4f", v[1])));
        }
        w.println();
        w.print(t);
        runs.forEach(r -> w.println("Model " + r.product() + ": " + r.runDir()));
        w.flush();
    }
}
