package org.anomalyforge.jobs.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.FileTrees;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.generator.PerlinSynthesizeJob;
import org.anomalyforge.jobs.segmenter.MetricsJson;
import org.anomalyforge.jobs.segmenter.ScoreStrata;
import org.anomalyforge.jobs.segmenter.SegmenterEvaluateJob;
import org.anomalyforge.jobs.segmenter.SegmenterTrainJob;
import org.anomalyforge.jobs.segmenter.TrainSettings;
import org.anomalyforge.segmenter.metrics.MetricName;
import org.anomalyforge.segmenter.train.LfdTrainer;
import org.apache.spark.sql.SparkSession;

/**
 * seas.md §11.1, the downstream test that matters: the same LFD budget and seeds trained on (A) real shots + normals,
 * (B) A + Perlin pairs, (C) A + SeaS pairs, all evaluated on the same held-out split (the dataset's fixed few-shot
 * split; {@code --max-shots} only limits the training shots).
 *
 * <p>Restartable: every (arm, seed) trains into its own model store {@code <work>/<arm>/seed-<s>/}; a committed run
 * found there is not retrained. Its evaluation in {@code <work>/eval/<arm>-seed-<s>/} is reused when its
 * {@code metrics.json} (written last) names that run, and redone from scratch otherwise, so an interrupted or finished
 * experiment resumes where it stopped. Perlin pairs are generated once into {@code <work>/pairs-perlin} unless given.
 */
public final class SeasVsBaselineExperiment {

    /**
     * @param data          dataset (MVTec layout)
     * @param seasPairs     the SeaS pairs (Parquet, PairSchema)
     * @param perlinPairs   Perlin pairs to use, or null to generate {@code perlinPerType} per type into the work folder
     * @param perlinPerType pairs per type when generating the Perlin arm
     * @param work          experiment folder (stores, evaluation outputs, Perlin pairs)
     * @param maxShots      real shots per defect type used for training
     * @param settings      the LFD budget, identical for every arm (its seed is replaced per run)
     * @param seeds         segmenter seeds; every arm runs every seed
     * @param size          side of the generated Perlin pairs
     * @param strata        stratum pattern over image ids (see {@link ScoreStrata}) for the within-stratum image
     *                      AUROC, or null for none
     */
    public record Options(Path data, Path seasPairs, Path perlinPairs, int perlinPerType, Path work, int maxShots,
                          TrainSettings settings, List<Long> seeds, int size, Pattern strata) {
        public Options {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(seasPairs, "seasPairs");
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(settings, "settings");
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("at least one seed is needed, got none");
            }
            if (maxShots < 1) {
                throw new IllegalArgumentException("maxShots must be >= 1, got " + maxShots);
            }
        }
    }

    /** Progress per finished (arm, seed). */
    public interface Listener {
        void finished(ArmResult result, int done, int total);
    }

    private SeasVsBaselineExperiment() {
    }

    public static List<ArmResult> run(SparkSession spark, Options o, Listener listener) throws IOException {
        if (!Files.isDirectory(o.seasPairs())) {
            throw new IOException(o.seasPairs() + ": SeaS pairs not found (make them with 'forge generator synthesize "
                    + "--method seas')");
        }
        Files.createDirectories(o.work());
        Path perlin = o.perlinPairs() != null ? o.perlinPairs() : perlinPairs(spark, o);
        List<ArmResult> results = new ArrayList<>();
        int total = Arm.values().length * o.seeds().size();
        for (long seed : o.seeds()) {
            for (Arm arm : Arm.values()) {
                List<Path> pairs = switch (arm) {
                    case REAL -> List.of();
                    case PERLIN -> List.of(perlin);
                    case SEAS -> List.of(o.seasPairs());
                };
                long start = System.nanoTime();
                Path store = o.work().resolve(arm.folder()).resolve("seed-" + seed);
                Path runDir = trained(store).orElse(null);
                if (runDir == null) {
                    TrainSettings s = o.settings();
                    TrainSettings seeded = new TrainSettings(s.preset(), s.inputSize(), s.batchSize(), s.epochs(),
                            s.iterationCap(), seed, s.augmentation(), s.initResNet18());
                    SegmenterTrainJob.run(spark, new SegmenterTrainJob.Options(o.data(), pairs, store, List.of(), false,
                            OptionalInt.of(o.maxShots()), seeded, ForgeVersion.version()));
                    runDir = trained(store).orElseThrow(() -> new IllegalStateException("training " + arm
                            + " seed " + seed + " committed no run in " + store));
                }
                Path eval = o.work().resolve("eval").resolve(arm.folder() + "-seed-" + seed);
                Map<MetricName, Double> all = evaluation(spark, o, runDir, eval);
                Double within = o.strata() == null ? null : 100 * ScoreStrata.of(ScoreStrata.read(spark,
                        eval.resolve("scores.parquet")), o.strata()).withinStratumAuroc();
                ArmResult r = new ArmResult(arm, seed, runDir.toString(), 100 * all.get(MetricName.IMAGE_AUROC),
                        100 * all.get(MetricName.PIXEL_AP), 100 * all.get(MetricName.IOU), within,
                        (System.nanoTime() - start) / 1e9);
                results.add(r);
                listener.finished(r, results.size(), total);
            }
        }
        return results;
    }

    private static Path perlinPairs(SparkSession spark, Options o) throws IOException {
        Path out = o.work().resolve("pairs-perlin");
        if (!Files.isDirectory(out)) {
            PerlinSynthesizeJob.run(spark, new PerlinSynthesizeJob.Options(o.data(), out, List.of(), o.perlinPerType(),
                    42, o.size(), 0));
        }
        return out;
    }

    /** The committed unified LFD run of {@code store}, if training already finished there. */
    private static Optional<Path> trained(Path store) throws IOException {
        if (!Files.isDirectory(store)) {
            return Optional.empty();
        }
        return new ModelStore(store).latest(SegmenterTrainJob.UNIFIED, LfdTrainer.KIND).map(RunRef::dir);
    }

    /**
     * The "all" metrics of {@code runDir} on the held-out split (fractions; NaN if undefined), from the evaluation's
     * {@code metrics.json}: a finished evaluation of that run is read back, anything else in {@code eval} (a partial
     * evaluation, another run's) is removed and evaluated again.
     */
    private static Map<MetricName, Double> evaluation(SparkSession spark, Options o, Path runDir, Path eval)
            throws IOException {
        Path file = eval.resolve(MetricsJson.FILE);
        String run = runDir.toAbsolutePath().toString();
        MetricsJson.Contents finished = Files.isRegularFile(file) ? MetricsJson.read(file) : null;
        if (finished == null || !finished.model().equals(run)) {
            FileTrees.delete(eval);
            SegmenterEvaluateJob.run(spark, new SegmenterEvaluateJob.Options(o.data(), runDir, List.of(), eval, 8, 0));
            finished = MetricsJson.read(file);
        }
        return overall(file, finished);
    }

    /** The "all" row: with several products, the experiment reports one unified model over one product only. */
    private static Map<MetricName, Double> overall(Path file, MetricsJson.Contents metrics) {
        if (metrics.products().size() != 1) {
            throw new IllegalArgumentException("seas-vs-baseline compares one product at a time; " + file + " has "
                    + metrics.products().keySet() + " (point --data at one product folder)");
        }
        Map<String, Map<MetricName, Double>> types = metrics.products().values().iterator().next();
        return Objects.requireNonNull(types.get("all"), file + " has no 'all' row: " + types.keySet());
    }
}
