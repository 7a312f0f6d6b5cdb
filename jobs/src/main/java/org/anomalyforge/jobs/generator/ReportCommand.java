package org.anomalyforge.jobs.generator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.anomalyforge.generator.quality.MaskStatistics;
import org.anomalyforge.generator.quality.QualityReport;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge generator report}: the weight-free quality report of generated pairs (seas.md §11.2). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Score generated image–mask pairs without any network weights: per product and defect type "
                + "(and a 'good' row for generated normal images) the empty-mask rate, the defect area against the "
                + "real few-shot masks, connected components per mask, the intra-cluster diversity "
                + "IC-(1-MS-SSIM) around the few-shot images, and the fraction of likely copies (1 - MS-SSIM < 0.05 "
                + "to a training image).", "Writes report.json and one contact sheet PNG per row (masks in red, "
                + "seeds below). IS, KID and IC-LPIPS need downloaded networks and are reported as n/a. "
                + "IC-(1-MS-SSIM) is not comparable to IC-LPIPS."},
        footer = {"", "Examples:", "  forge generator report --pairs pairs/perlin --data data/sample --out report/perlin",
                "  forge generator report --pairs pairs/mt --data ../shared/data/magnetic_tile --max-shots 3 "
                        + "--max-images 50 --out report/mt"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pairs", required = true, paramLabel = "PAIRS", description = "Parquet folder of generated pairs")
    Path pairs;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset (MVTec layout) of the pairs")
    Path data;

    @Option(names = "--max-shots", paramLabel = "K", description = "real shots per defect type, as the generator used")
    Integer maxShots;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for report.json and the sheets")
    Path out;

    @Option(names = "--max-images", defaultValue = "100", paramLabel = "N",
            description = "pairs scored per row, spread over the seeds (default: ${DEFAULT-VALUE})")
    int maxImages;

    @Option(names = "--perceptual-net", paramLabel = "FILE",
            description = "a TorchScript LPIPS network (forward(x, y), images in [-1, 1]) used instead of 1 - MS-SSIM; "
                    + "its SHA-256 is recorded")
    Path perceptualNet;

    @Option(names = "--inception-net", paramLabel = "FILE",
            description = "a TorchScript classifier (forward(x) -> logits [1, K], images in [-1, 1]) for the "
                    + "Inception Score of the generated defect images; its SHA-256 is recorded")
    Path inceptionNet;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        ReportJob.Options options;
        try {
            options = new ReportJob.Options(pairs, data, maxShots == null ? OptionalInt.empty()
                    : OptionalInt.of(maxShots), out, maxImages, perceptualNet, inceptionNet);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        SparkSession spark = SparkSessions.start("forge generator report", master);
        try {
            ReportJob.Result result = ReportJob.run(spark, options, w);
            w.println();
            w.print(table(result));
            w.println("Wrote " + result.json() + " and " + result.sheets().size() + " contact sheets to " + out);
            w.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** One line per product and row; "-" where a statistic has no input (no shots, no pairs). */
    static TextTable table(ReportJob.Result result) {
        String icd = result.reports().isEmpty() ? "IC-D" : result.reports().get(0).icdMetric();
        // a user network's name carries its SHA-256 (in report.json); the column shows the network's label only
        icd = icd.replaceAll("\\[[^]]*sha256:[0-9a-f]+\\]", "");
        TextTable t = new TextTable("product", "defect type", "pairs", "scored", "empty %", "area % gen",
                "area % real", "components", icd, "memorised %");
        for (QualityReport r : result.reports()) {
            for (QualityReport.TypeQuality q : r.types()) {
                MaskStatistics.Summary gen = q.generatedMasks();
                MaskStatistics.Summary real = q.realMasks();
                t.row(r.product(), q.defectType(), result.available().get(r.product()).get(q.defectType()),
                        q.generated(), gen == null ? "-" : fmt("%.1f", 100 * gen.emptyRate()),
                        gen == null ? "-" : fmt("%.2f", 100 * gen.meanArea()),
                        real == null ? "-" : fmt("%.2f", 100 * real.meanArea()),
                        gen == null ? "-" : fmt("%.2f", gen.meanComponents()),
                        q.icd() == null ? "-" : fmt("%.4f", q.icd().icd()),
                        q.memorisation() == null ? "-" : fmt("%.1f", 100 * q.memorisation().fractionBelow()));
            }
        }
        return t;
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
