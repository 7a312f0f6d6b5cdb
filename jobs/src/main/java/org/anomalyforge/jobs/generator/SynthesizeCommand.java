package org.anomalyforge.jobs.generator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.pairs.MvtecExport;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forge generator synthesize}: mass-produce image–mask pairs as a Spark job. */
@Command(name = "synthesize", mixinStandardHelpOptions = true,
        description = {"Mass-produce defect image–mask pairs as a Spark job partitioned over seeds, written as "
                + "Parquet (product, defect_type, kind, seed, image_png, mask_png, generator_run, guidance, "
                + "created_at).", "Method perlin: DRAEM-style Perlin-noise masks with textures blended into the "
                + "product's train/good images — the 'no diffusion' baseline."},
        footer = {"", "Examples:", "  forge generator synthesize --method perlin --data data/sample --out pairs/perlin",
                "  forge generator synthesize --method perlin --data ../shared/data/magnetic_tile --out pairs/mt "
                        + "--per-type 200 --export-mvtec pairs/mt-png"})
public final class SynthesizeCommand implements Callable<Integer> {

    /** Pair generators available to this command. */
    public enum Method { PERLIN }

    @Spec
    CommandSpec spec;

    @Option(names = "--method", required = true, description = "generator: ${COMPLETION-CANDIDATES}")
    Method method;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset (MVTec layout)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "PAIRS", description = "Parquet folder to create")
    Path out;

    @Option(names = "--products", split = ",", paramLabel = "NAME", description = "products (default: all)")
    List<String> products = List.of();

    @Option(names = "--per-type", defaultValue = "100", description = "pairs per defect type (default: ${DEFAULT-VALUE})")
    int perType;

    @Option(names = "--seed", defaultValue = "42", description = "base seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "256", description = "output image side in pixels (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--partitions", defaultValue = "0", description = "Spark partitions (default: automatic)")
    int partitions;

    @Option(names = "--export-mvtec", paramLabel = "DIR", description = "also write the pairs as PNGs in MVTec layout")
    Path exportMvtec;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        PerlinSynthesizeJob.Options options =
                new PerlinSynthesizeJob.Options(data, out, products, perType, seed, size, partitions);
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
}
