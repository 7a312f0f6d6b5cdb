package org.anomalyforge.jobs.recognizer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.cli.WorkFailedException;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.fewshot.ClipEmbedder;
import org.anomalyforge.trokens.train.EpisodeEvaluator;
import org.anomalyforge.trokens.train.EpisodeReport;
import org.anomalyforge.trokens.train.LabeledClip;
import org.anomalyforge.trokens.train.TrainedModel;
import org.anomalyforge.trokens.train.TrokensCheckpoint;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code forge recognizer evaluate}: precomputes a split's clips with a Spark job, then runs seeded N-way
 * K-shot episodes (one query per class) with the trained model and reports the mean accuracy with its 95 % CI
 * and the accuracy per class; the full report goes to {@code metrics.json}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Few-shot evaluation of a trained recogniser on one split of a clip folder (the 'test' split "
                + "holds classes the training never saw): mean episode accuracy ± 95 %% CI (1.96·s/√E), accuracy "
                + "per class, and metrics.json with the confusion matrix and per-source accuracy. Use the sampler "
                + "the model was trained with; M comes from the model."},
        footer = {"", "Examples:",
                "  forge recognizer evaluate --clips data/clips --model models/actions/trokens/<run> --shot 1",
                "  forge recognizer evaluate --clips data/clips --model RUN --way 5 --shot 5 --episodes 1000 "
                        + "--sampler grid --metrics out/grid.json"})
public final class RecognizerEvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clips", required = true, paramLabel = "DIR",
            description = "clip folder (manifest.csv or <split>/<class>/<clip>.avi)")
    Path clips;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "model-store run folder")
    Path model;

    @Option(names = "--way", defaultValue = "5", description = "classes per episode N (default: ${DEFAULT-VALUE})")
    int way;

    @Option(names = "--shot", defaultValue = "1", description = "support clips per class K (default: ${DEFAULT-VALUE})")
    int shot;

    @Option(names = "--episodes", defaultValue = "1000", description = "episodes E (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--split", defaultValue = "test", description = "train, val or test (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--sampler", defaultValue = "semantic",
            description = "query-point sampler: " + TrackingChoice.NAMES + " (default: ${DEFAULT-VALUE})")
    String sampler;

    @Option(names = "--seed", defaultValue = "1", description = "episode seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--metrics", defaultValue = "metrics.json", paramLabel = "FILE",
            description = "where the JSON report goes (default: ${DEFAULT-VALUE})")
    Path metrics;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        if (!ClipManifest.SPLITS.contains(split)) {
            throw new ParameterException(spec.commandLine(), "--split must be one of " + ClipManifest.SPLITS
                    + ", got '" + split + "'");
        }
        if (way < 2 || shot < 1 || episodes < 2) {
            throw new ParameterException(spec.commandLine(), "need --way >= 2, --shot >= 1, --episodes >= 2; got "
                    + way + ", " + shot + ", " + episodes);
        }
        if (!Files.isDirectory(model)) {
            throw new WorkFailedException("--model " + model + " is not a folder");
        }
        TrackingChoice samplerOnly;
        try {
            samplerOnly = new TrackingChoice(TrackingChoice.parseSampler(sampler), 1);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        ClipSource source = ClipSource.dataset(clips);
        ClipManifest manifest = source.open();
        List<ClipEntry> entries = manifest.split(split);
        EpisodeFeasibility.check(split, entries, way, shot, 1);
        RecognizerRuntime.singleTorchThread();
        TrainedModel trained = TrokensCheckpoint.load(model);
        TrackingChoice choice = new TrackingChoice(samplerOnly.mode(), trained.config().points());
        new ClipPrecomputer(choice).requireEncoderOf(trained.encoderId(), model);
        ClipPrecomputeJob.Result precomputed;
        SparkSession spark = SparkSessions.start("forge recognizer evaluate", master);
        try {
            precomputed = ClipPrecomputeJob.run(spark, source, manifest, entries, choice);
        } finally {
            spark.stop();
        }
        long embedStart = System.nanoTime();
        float[][] embeddings = EpisodeEvaluator.embed(trained, precomputed.clips());
        double modelMillis = (System.nanoTime() - embedStart) / 1e6 / embeddings.length;
        List<LabeledClip> used = precomputed.clips();
        EpisodeReport report = EpisodeEvaluator.evaluate(embeddings, trained.config().frames(),
                used.stream().map(LabeledClip::label).toList(), used.stream().map(LabeledClip::source).toList(), way,
                shot, episodes, seed);
        Path parent = metrics.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(metrics, report.toJson(), StandardCharsets.UTF_8);
        print(spec.commandLine().getOut(), report, choice, precomputed, modelMillis, split);
        return 0;
    }

    private void print(PrintWriter w, EpisodeReport r, TrackingChoice choice, ClipPrecomputeJob.Result clipsUsed,
                       double modelMillis, String splitName) {
        TextTable t = new TextTable("class", "accuracy %");
        for (String c : r.classes()) {
            t.row(c, fmt("%.2f", r.perClassAccuracy().get(c)));
        }
        w.print(t);
        w.println(r.way() + "-way " + r.shot() + "-shot on split '" + splitName + "' (" + clipsUsed.clips().size()
                + " clips, " + r.classes().size() + " classes, " + r.episodes() + " episodes, seed " + r.seed()
                + "): " + fmt("%.2f", r.meanAccuracy()) + " % ± " + fmt("%.2f", r.ci95()) + " (95 % CI)");
        w.println("Chance is " + fmt("%.2f", 100.0 / r.way()) + " %.");
        w.println("Tracking " + choice.describe() + ": " + fmt("%.1f", clipsUsed.trackMillis())
                + " ms/clip (tracking + tokens); model: " + fmt("%.1f", modelMillis)
                + " ms/clip (embedding, no gradients, batches of " + ClipEmbedder.BATCH + "). Report: " + metrics);
        w.flush();
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
