package org.anomalyforge.jobs.recognizer;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.cli.Progress;
import org.anomalyforge.jobs.cli.WorkFailedException;
import org.anomalyforge.jobs.spark.SparkSessions;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.encoders.PatchDescriptorEncoder;
import org.anomalyforge.trokens.model.TrokensConfig;
import org.anomalyforge.trokens.train.EpisodeReport;
import org.anomalyforge.trokens.train.EpisodicTrainer;
import org.anomalyforge.trokens.train.LabeledClip;
import org.anomalyforge.trokens.train.TrainedModel;
import org.anomalyforge.trokens.train.TrainingProgress;
import org.anomalyforge.trokens.train.TrainingSettings;
import org.anomalyforge.trokens.train.TrokensCheckpoint;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code forge recognizer train}: a Spark job precomputes tracks and tokens of the train (and val) clips in
 * parallel; episodic training then runs on the driver (DJL allows one gradient collector per JVM) and the
 * model lands in the store as {@code <store>/<product>/trokens/<run>/}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the Trokens few-shot action recogniser (descriptor-cpu profile) on the 'train' split "
                + "of a clip folder with N-way K-shot episodes, keeping the weights of the best 'val' accuracy when "
                + "the folder has a val split (else the last). Tracks and tokens are precomputed per clip by a "
                + "Spark job; training runs on the driver with one libtorch thread."},
        footer = {"", "Examples:",
                "  forge recognizer train --clips data/clips --store models",
                "  forge recognizer train --clips data/clips --store models --sampler grid --points 256 --epochs 10",
                "  forge recognizer train --clips data/clips --store models --tokens hod --queries 2 --epochs 10 "
                        + "--episodes 30"})
public final class RecognizerTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clips", required = true, paramLabel = "DIR",
            description = "clip folder (manifest.csv or <split>/<class>/<clip>.avi)")
    Path clips;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "model store")
    Path store;

    @Option(names = "--product", defaultValue = "actions", description = "model-store product (default: ${DEFAULT-VALUE})")
    String product;

    @Option(names = "--way", defaultValue = "5", description = "classes per episode N (default: ${DEFAULT-VALUE})")
    int way;

    @Option(names = "--shot", defaultValue = "1", description = "support clips per class K (default: ${DEFAULT-VALUE})")
    int shot;

    @Option(names = "--queries", defaultValue = "6", description = "query clips per class Q (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--epochs", defaultValue = "20", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--episodes", defaultValue = "200", description = "episodes per epoch (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--val-episodes", defaultValue = "500",
            description = "validation episodes when the folder has a val split (default: ${DEFAULT-VALUE})")
    int valEpisodes;

    @Option(names = "--lr", defaultValue = "3e-4", description = "learning rate after warm-up (default: ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--points", defaultValue = "32", paramLabel = "M", description = "tracked points M (default: ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--sampler", defaultValue = "semantic",
            description = "query-point sampler: " + TrackingChoice.NAMES + " (default: ${DEFAULT-VALUE})")
    String sampler;

    @Option(names = "--dim", defaultValue = "128", description = "model width d, a multiple of 8 heads (default: ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--tokens", split = ",", paramLabel = "STREAM",
            description = "token streams to fuse, comma-separated from appearance, hod, relational (default: all "
                    + "three, as the spec). 'hod' alone transfers best to held-out synthetic classes: relational "
                    + "offsets follow the semantic sampler's slot order, which differs per clip, so a small model "
                    + "memorises its training clips through them (see README, few-shot table)")
    List<String> tokens;

    @Option(names = "--seed", defaultValue = "1", description = "initialisation and episode seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        TrackingChoice choice = checkedChoice();
        TokenStreams streams;
        try {
            streams = TokenStreams.parse(tokens);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        TrainingSettings settings = checkedSettings();
        ClipSource source = ClipSource.dataset(clips);
        ClipManifest manifest = source.open();
        List<ClipEntry> train = manifest.split("train");
        List<ClipEntry> val = manifest.split("val");
        if (train.isEmpty()) {
            throw new WorkFailedException("--clips " + clips + " has no clips in split 'train' (it has "
                    + manifest.entries().stream().map(ClipEntry::split).distinct().sorted().toList() + ")");
        }
        EpisodeFeasibility.check("train", train, way, shot, queries);
        if (!val.isEmpty()) {
            EpisodeFeasibility.check("val", val, way, shot, 1);
        }
        RecognizerRuntime.singleTorchThread();
        ClipPrecomputeJob.Result trainClips;
        ClipPrecomputeJob.Result valClips;
        SparkSession spark = SparkSessions.start("forge recognizer train", master);
        try {
            trainClips = ClipPrecomputeJob.run(spark, source, manifest, train, choice);
            valClips = val.isEmpty() ? null : ClipPrecomputeJob.run(spark, source, manifest, val, choice);
        } finally {
            spark.stop();
        }
        List<LabeledClip> validation = valClips == null ? List.of() : valClips.clips();
        int classes = EpisodeFeasibility.countByClass(train).size();
        TrokensConfig config = streams.applyTo(TrokensConfig.descriptorCpu(classes)
                .resized(PatchDescriptorEncoder.FEATURE_DIM, dim, 8, points, classes));
        TrainedModel model;
        List<EpisodeReport> validations = new ArrayList<>();
        try (Progress progress = Progress.start("train", settings.totalSteps(), "episodes")) {
            TrainingProgress hooks = new TrainingProgress() {
                @Override
                public void onStep(long step, float loss, float learningRate) {
                    progress.step();
                }

                @Override
                public void onValidation(int epoch, EpisodeReport report) {
                    validations.add(report);
                }
            };
            model = new EpisodicTrainer(config, settings, new PatchDescriptorEncoder().id()).train(trainClips.clips(),
                    validation, hooks);
        }
        RunRef run = TrokensCheckpoint.save(model, new ModelStore(store), product, ForgeVersion.version(),
                fingerprint(train, val, choice));
        print(spec.commandLine().getOut(), model, choice, trainClips, validation.size(), validations, run);
        return 0;
    }

    private TrackingChoice checkedChoice() {
        try {
            return new TrackingChoice(TrackingChoice.parseSampler(sampler), points);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().startsWith("--") ? e.getMessage()
                    : "--points: " + e.getMessage(), e);
        }
    }

    private TrainingSettings checkedSettings() {
        if (dim < 8 || dim % 8 != 0) {
            throw new ParameterException(spec.commandLine(), "--dim must be a positive multiple of 8, got " + dim);
        }
        if (!product.matches("[A-Za-z0-9_-]+")) {
            throw new ParameterException(spec.commandLine(), "--product must match [A-Za-z0-9_-]+, got '" + product + "'");
        }
        // The descriptor-cpu schedule (20 epochs: warm-up 2, rate ×0.1 at 10 and 16) scaled to --epochs.
        int warmup = epochs / 10;
        int[] milestones = java.util.stream.IntStream.of(epochs / 2, epochs * 4 / 5)
                .filter(m -> m > warmup).distinct().toArray();
        try {
            return new TrainingSettings(way, shot, queries, epochs, episodes, warmup, milestones, learningRate, 0.5f,
                    0.1f, 1f, 1f, seed, Math.max(1, epochs / 4), valEpisodes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--way/--shot/--queries/--epochs/--episodes/"
                    + "--val-episodes/--lr: " + e.getMessage(), e);
        }
    }

    /** SHA-256 over the clips used (id, path, label, split) and the tracking choice. */
    static String fingerprint(List<ClipEntry> train, List<ClipEntry> val, TrackingChoice choice)
            throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(choice.describe().getBytes(StandardCharsets.UTF_8));
        for (List<ClipEntry> part : List.of(train, val)) {
            for (ClipEntry e : part) {
                sha.update(("\n" + e.clipId() + "," + e.path() + "," + e.label() + "," + e.split())
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static void print(PrintWriter w, TrainedModel model, TrackingChoice choice,
                              ClipPrecomputeJob.Result train, int valClips, List<EpisodeReport> validations,
                              RunRef run) {
        TrainingSettings s = model.settings();
        w.println("Precomputed " + train.clips().size() + " train + " + valClips + " val clips with "
                + choice.describe() + ": " + fmt("%.1f", train.trackMillis()) + " ms/clip (tracking + tokens).");
        w.println("Trained " + s.way() + "-way " + s.shot() + "-shot, " + s.queries() + " queries, " + s.epochs()
                + " epochs × " + s.episodesPerEpoch() + " episodes on " + model.baseClasses().size()
                + " classes " + model.baseClasses() + ".");
        w.println("Tokens: " + TokenStreams.of(model.config()).describe() + "; "
                + String.format(Locale.ROOT, "%,d", model.config().parameterCount()) + " parameters.");
        w.println("Loss first → last epoch: " + fmt("%.4f", model.metrics().get("loss_first_epoch")) + " → "
                + fmt("%.4f", model.metrics().get("loss_last_epoch")));
        for (EpisodeReport r : validations) {
            w.println("  validation: " + fmt("%.2f", r.meanAccuracy()) + " % ± " + fmt("%.2f", r.ci95())
                    + " (" + r.episodes() + " episodes)");
        }
        w.println("Kept weights: " + model.selection() + ", epoch " + model.selectedEpoch()
                + (model.metrics().containsKey("val_mean_accuracy") ? ", val accuracy "
                + fmt("%.2f", model.metrics().get("val_mean_accuracy")) + " %" : "") + ".");
        w.println("Run: " + run.dir());
        w.flush();
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }
}
