package org.anomalyforge.jobs.segmenter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.segmenter.ScoreStrata.Stratum;
import org.anomalyforge.jobs.segmenter.ScoreStrata.Summary;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.anomalyforge.segmenter.metrics.MetricsFormat;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forge segmenter strata}: image scores of finished evaluations per stratum of the file name. */
@Command(name = "strata", mixinStandardHelpOptions = true,
        description = {"Group the per-image scores of finished evaluations (the scores.parquet that 'forge segmenter "
                + "evaluate' writes) by a stratum taken from each image's file name: an acquisition group, camera, "
                + "line or lot.",
                "Prints, per stratum, the good and defective images with their mean image score and AUROC, and "
                        + "the within-stratum image AUROC, which compares only images of the same stratum. When the "
                        + "good and defective held-out images come from different strata, the overall AUROC can "
                        + "measure the stratum instead of the defect; this command shows whether they do."},
        footer = {"", "Example:", "  forge segmenter strata --by '(exp[0-9])_' eval/A-real-seed-1 eval/B-perlin-seed-1"})
public final class SegmenterStrataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--by", required = true, paramLabel = "REGEX",
            description = "Java regular expression found in each image id; its first group (else the whole match) "
                    + "names the stratum. Ids it does not match form '" + ScoreStrata.NO_MATCH + "'.")
    String by;

    @Parameters(arity = "1..*", paramLabel = "EVAL", description = "evaluation output folders (holding "
            + "scores.parquet) or scores.parquet folders")
    List<Path> evaluations;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        Pattern pattern;
        try {
            pattern = Pattern.compile(by);
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--by '" + by + "' is not a regular expression: "
                    + e.getDescription());
        }
        List<Path> files = new ArrayList<>();
        for (Path e : evaluations) {
            files.add(scoresOf(e));
        }
        SparkSession spark = SparkSessions.start("forge segmenter strata", master);
        PrintWriter w = spec.commandLine().getOut();
        try {
            TextTable table = new TextTable("evaluation", "stratum", "good", "good mean score", "defective",
                    "defective mean score", "image AUROC");
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                String name = evaluationName(evaluations.get(i));
                Summary s = ScoreStrata.of(ScoreStrata.read(spark, files.get(i)), pattern);
                for (Stratum stratum : s.strata()) {
                    row(table, name, stratum);
                }
                row(table, name, s.all());
                notes.add(note(name, s));
            }
            w.print(table);
            notes.forEach(w::println);
            w.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static Path scoresOf(Path evaluation) throws IOException {
        Path inside = evaluation.resolve("scores.parquet");
        if (Files.isDirectory(inside)) {
            return inside;
        }
        if (Files.isDirectory(evaluation) && evaluation.getFileName().toString().endsWith(".parquet")) {
            return evaluation;
        }
        throw new IOException(evaluation + ": no scores.parquet here (run 'forge segmenter evaluate --out "
                + evaluation + "' first)");
    }

    private static String evaluationName(Path evaluation) {
        Path name = evaluation.toAbsolutePath().normalize();
        return name.getFileName().toString().equals("scores.parquet") ? name.getParent().getFileName().toString()
                : name.getFileName().toString();
    }

    private static void row(TextTable table, String evaluation, Stratum s) {
        table.row(evaluation, s.name(), s.good(), score(s.goodMeanScore()), s.defective(),
                score(s.defectiveMeanScore()), MetricsFormat.percent(s.imageAuroc()));
    }

    private static String score(double mean) {
        return Double.isNaN(mean) ? "-" : String.format(Locale.ROOT, "%.4f", mean);
    }

    private static String note(String evaluation, Summary s) {
        return String.format(Locale.ROOT, "%s: %d of %d good images (%.1f %%) and %d of %d defective images (%.1f %%) "
                        + "are in strata without the other label; within-stratum image AUROC %s over %d good–defective "
                        + "pairs (overall %s over %d)", evaluation, s.goodInSingleLabel(), s.all().good(),
                100.0 * s.goodInSingleLabel() / Math.max(1, s.all().good()), s.defectiveInSingleLabel(),
                s.all().defective(), 100.0 * s.defectiveInSingleLabel() / Math.max(1, s.all().defective()),
                MetricsFormat.percent(s.withinStratumAuroc()), s.withinStratumPairs(),
                MetricsFormat.percent(s.all().imageAuroc()), s.all().pairs());
    }
}
