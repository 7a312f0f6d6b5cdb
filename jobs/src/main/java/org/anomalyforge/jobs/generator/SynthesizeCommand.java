package org.anomalyforge.jobs.generator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anomalyforge.generator.SamplerKind;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.pairs.MvtecExport;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge generator synthesize}: mass-produce image–mask pairs as a Spark job. */
@Command(name = "synthesize", mixinStandardHelpOptions = true,
        description = {"Mass-produce defect image–mask pairs as a Spark job partitioned over seeds, written as "
                + "Parquet (product, defect_type, kind, seed, image_png, mask_png, generator_run, guidance, "
                + "created_at).", "Method perlin: DRAEM-style Perlin-noise masks with textures blended into the "
                + "product's train/good images — the 'no diffusion' baseline.", "Method seas: images with refined "
                + "masks from a SeaS run trained with 'generator train-masks' (--model), each started from a noised "
                + "train/good image of the product (cycling through them), plus --normals normal images. Written in "
                + "committed chunks: rerunning the same command after a crash generates only the missing chunks."},
        footer = {"", "Examples:", "  forge generator synthesize --method perlin --data data/sample --out pairs/perlin",
                "  forge generator synthesize --method seas --model models/tile/seas/<run-id> --data data/sample "
                        + "--per-type 100 --normals 50 --out pairs/seas-tile",
                "  forge generator synthesize --method perlin --data ../shared/data/magnetic_tile --out pairs/mt "
                        + "--per-type 200 --export-mvtec pairs/mt-png"})
public final class SynthesizeCommand implements Callable<Integer> {

    /** Pair generators available to this command. */
    public enum Method { PERLIN, SEAS }

    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, description = "generator: ${COMPLETION-CANDIDATES}")
    Method method;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset (MVTec layout)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "PAIRS", description = "Parquet folder to create "
            + "(seas: or to resume, with the same options)")
    Path out;

    @Option(names = "--products", split = ",", paramLabel = "NAME", description = "products (default: all)")
    List<String> products = List.of();

    @Option(names = "--per-type", defaultValue = "100", description = "pairs per defect type (default: ${DEFAULT-VALUE})")
    int perType;

    @Option(names = "--seed", defaultValue = "42", description = "base seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", description = "perlin: output image side in pixels (default: 256)")
    Integer size;

    @Option(names = "--partitions", description = "perlin: Spark partitions (default: automatic)")
    Integer partitions;

    @Option(names = "--model", paramLabel = "RUN", description = "seas: SeaS run with masks (from train-masks)")
    Path model;

    @Option(names = "--normals", defaultValue = "0", paramLabel = "M", description = "seas: normal images ('a ob1') "
            + "to add (default: ${DEFAULT-VALUE})")
    int normals;

    @Option(names = "--guidance", defaultValue = "3", description = "seas: classifier-free guidance scale "
            + "(default: ${DEFAULT-VALUE})")
    double guidance;

    @Option(names = "--steps", defaultValue = "25", description = "seas: sampling steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--sampler", defaultValue = "DPM_SOLVER_PP_2M", description = "seas: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE})")
    SamplerKind sampler;

    @Option(names = "--batch", defaultValue = "4", description = "seas: images per forward batch (default: "
            + "${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--chunk-pairs", defaultValue = "0", paramLabel = "N", description = "seas: pairs per committed "
            + "chunk (default: 2 × task slots × batch)")
    int chunkPairs;

    @Option(names = "--export-mvtec", paramLabel = "DIR", description = "also write the pairs as PNGs in MVTec layout")
    Path exportMvtec;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        if (method == Method.SEAS) {
            return seas();
        }
        if (model != null) {
            throw new ParameterException(spec.commandLine(), "--model is for --method seas");
        }
        PerlinSynthesizeJob.Options options;
        try {
            options = new PerlinSynthesizeJob.Options(data, out, products, perType, seed, size == null ? 256 : size,
                    partitions == null ? 0 : partitions);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        SparkSession spark = SparkSessions.start("forge generator synthesize", master);
        try {
            PerlinSynthesizeJob.Summary summary = PerlinSynthesizeJob.run(spark, options);
            TextTable t = new TextTable("product", "defect type", "pairs");
            summary.counts().forEach(c -> t.row(c.product(), c.defectType(), c.pairs()));
            w.println();
            w.print(t);
            w.println("Wrote " + summary.total() + " pairs (" + summary.generatorRun() + ") to " + out);
            if (exportMvtec != null) {
                long n = MvtecExport.run(spark, out, exportMvtec);
                w.println("Exported " + n + " pairs as PNG in MVTec layout to " + exportMvtec);
            }
            w.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    private int seas() throws Exception {
        if (model == null) {
            throw new ParameterException(spec.commandLine(), "--method seas needs --model RUN (a run from "
                    + "'forge generator train-masks')");
        }
        if (size != null || partitions != null || !products.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--size, --partitions and --products are for --method "
                    + "perlin; a SeaS run generates its own product at its own size");
        }
        SeasSynthesizeJob.Options options;
        try {
            options = new SeasSynthesizeJob.Options(model, data, out, perType, normals, guidance, steps, sampler, batch,
                    seed, chunkPairs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SparkSession spark = SparkSessions.start("forge generator synthesize", master);
        try {
            SeasSynthesizeJob.Summary summary = SeasSynthesizeJob.run(spark, options);
            PrintWriter w = spec.commandLine().getOut();
            print(w, summary, out);
            if (exportMvtec != null) {
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("method", "seas");
                meta.put("steps", summary.steps());
                meta.put("sampler", summary.sampler());
                long n = MvtecExport.run(spark, out, exportMvtec, meta);
                w.println("Exported " + n + " pairs as PNG in MVTec layout (with meta/<type>/<seed>.json) to "
                        + exportMvtec);
            }
            w.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    static void print(PrintWriter w, SeasSynthesizeJob.Summary s, Path out) {
        TextTable t = new TextTable("product", "defect type", "pairs", "empty masks", "mean mask area %");
        s.types().forEach(c -> t.row(s.product(), c.defectType(), c.pairs(), c.emptyMasks(),
                String.format(Locale.ROOT, "%.2f", c.meanMaskAreaPercent())));
        w.println();
        w.print(t);
        w.println("resumed: " + s.resumedChunks() + " chunks already done (of " + s.chunks() + "); generated "
                + s.generated() + " pairs now");
        w.println("Wrote " + s.total() + " pairs (" + s.generatorRun() + ") to " + out);
    }
}
