package org.anomalyforge.jobs.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.segmenter.TrainSettings;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge experiment seas-vs-baseline}: does SeaS help the segmenter more than Perlin pairs or nothing? */
@Command(name = "seas-vs-baseline", mixinStandardHelpOptions = true,
        description = {"Trains LFD with one budget and the same seeds on (A) real shots + normals, (B) A + Perlin pairs, "
                + "(C) A + SeaS pairs; evaluates all on the same held-out split; prints image AUROC, pixel AP and IoU "
                + "(mean ± sd over seeds) and writes results.json. Interrupted runs resume: finished arms are reused."},
        footer = {"", "Example:", "  forge experiment seas-vs-baseline --data ../shared/data/magnetic_tile "
                + "--seas-pairs work/mt/pairs-seas --work work/mt/experiment --size 128 --iterations 600 --seeds 1,2"})
public final class SeasVsBaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "one product (MVTec layout)")
    Path data;

    @Option(names = "--seas-pairs", required = true, paramLabel = "PAIRS", description = "SeaS pairs (Parquet)")
    Path seasPairs;

    @Option(names = "--perlin-pairs", paramLabel = "PAIRS",
            description = "Perlin pairs (default: generate --perlin-per-type per type into the work folder)")
    Path perlinPairs;

    @Option(names = "--perlin-per-type", defaultValue = "100", description = "(default: ${DEFAULT-VALUE})")
    int perlinPerType;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "experiment folder (resumable)")
    Path work;

    @Option(names = "--max-shots", defaultValue = "3", description = "real shots per type (default: ${DEFAULT-VALUE})")
    int maxShots;

    @Option(names = "--preset", defaultValue = "CPU", description = "LFD preset (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--size", defaultValue = "128", description = "LFD input size (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--batch", defaultValue = "8", description = "(default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--epochs", defaultValue = "5", description = "(default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--iterations", defaultValue = "600", description = "iteration cap (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "(default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--strata", paramLabel = "REGEX",
            description = "also report the image AUROC within strata of the file name (the regex's first group, e.g. "
                    + "'/(exp[0-9])_'), free of a split that puts good and defective images in different acquisition "
                    + "groups; see 'forge segmenter strata'")
    String strata;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        TrainSettings settings = new TrainSettings(preset.toUpperCase(java.util.Locale.ROOT), size, batch, epochs,
                iterations, null, null, null);
        Pattern strataPattern;
        try {
            strataPattern = strata == null ? null : Pattern.compile(strata);
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--strata '" + strata + "' is not a regular expression: "
                    + e.getDescription());
        }
        SeasVsBaselineExperiment.Options o = new SeasVsBaselineExperiment.Options(data, seasPairs, perlinPairs,
                perlinPerType, work, maxShots, settings, seeds, size, strataPattern);
        SparkSession spark = SparkSessions.start("forge experiment seas-vs-baseline", master);
        List<ArmResult> results;
        try {
            results = SeasVsBaselineExperiment.run(spark, o, (r, done, total) -> {
                w.printf("[%d/%d] %s seed %d: image AUROC %.2f%s, pixel AP %.2f, IoU %.2f (%.0f s)%n", done, total,
                        r.arm().letter(), r.seed(), r.imageAuroc(), r.withinStratumImageAuroc() == null ? ""
                                : String.format(java.util.Locale.ROOT, " (within strata %.2f)", r.withinStratumImageAuroc()),
                        r.pixelAp(), r.iou(), r.seconds());
                w.flush();
            });
        } finally {
            spark.stop();
        }
        w.println();
        w.print(table(results, seeds.size()));
        w.printf("LFD budget: preset %s, %d×%d, batch %d, %d epochs, ≤ %d iterations, %d real shots per type; seeds %s%n",
                preset, size, size, batch, epochs, iterations, maxShots, seeds);
        Path json = work.resolve("results.json");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data.toString());
        out.put("seasPairs", seasPairs.toString());
        out.put("settings", settings);
        out.put("maxShots", maxShots);
        out.put("runs", results);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), out);
        w.println("Results: " + json);
        w.flush();
        return 0;
    }

    /** One row per arm: mean ± sample sd over seeds (sd omitted for one seed). */
    static String table(List<ArmResult> results, int seeds) {
        boolean strata = results.stream().anyMatch(r -> r.withinStratumImageAuroc() != null);
        TextTable t = strata
                ? new TextTable("arm", "training data", "seeds", "image AUROC", "within strata", "pixel AP", "IoU")
                : new TextTable("arm", "training data", "seeds", "image AUROC", "pixel AP", "IoU");
        for (Arm arm : Arm.values()) {
            List<ArmResult> rows = results.stream().filter(r -> r.arm() == arm).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<Object> cells = new ArrayList<>(List.of(arm.letter(), arm.description(), rows.size(),
                    stat(rows, ArmResult::imageAuroc)));
            if (strata) {
                cells.add(stat(rows, r -> r.withinStratumImageAuroc() == null ? Double.NaN
                        : r.withinStratumImageAuroc()));
            }
            cells.add(stat(rows, ArmResult::pixelAp));
            cells.add(stat(rows, ArmResult::iou));
            t.row(cells.toArray());
        }
        return t.toString();
    }

    static String stat(List<ArmResult> rows, java.util.function.ToDoubleFunction<ArmResult> f) {
        List<Double> v = new ArrayList<>();
        rows.forEach(r -> v.add(f.applyAsDouble(r)));
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (v.size() < 2) {
            return String.format("%.2f", mean);
        }
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return String.format("%.2f ± %.2f", mean, Math.sqrt(ss / (v.size() - 1)));
    }
}
