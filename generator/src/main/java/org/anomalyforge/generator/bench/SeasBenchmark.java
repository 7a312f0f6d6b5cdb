package org.anomalyforge.generator.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anomalyforge.generator.FinetuneProgress;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.baseline.AugmentedAnomalySource;
import org.anomalyforge.generator.baseline.PerlinAnomalyGenerator;
import org.anomalyforge.generator.baseline.PerlinConfig;
import org.anomalyforge.generator.baseline.ProceduralTextureSource;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.pipeline.SampleSpec;
import org.anomalyforge.generator.pipeline.SeasSampler;
import org.anomalyforge.generator.sampling.SchedulerKind;
import org.anomalyforge.generator.training.AdamW;
import org.anomalyforge.generator.training.GradMode;
import org.anomalyforge.generator.training.LossLog;
import org.anomalyforge.generator.training.ProfileSettings;
import org.anomalyforge.generator.training.Stage0Trainer;
import org.anomalyforge.generator.training.Stage1Trainer;
import org.anomalyforge.generator.training.TrainingData;
import org.anomalyforge.generator.training.TrainingLock;
import org.anomalyforge.generator.training.TrainingStreams;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * seas.md §14.3 for tiny: seconds per optimiser step of stage 0 and stage 1 (and stage-1 steps/s and training
 * images/s), seconds per generated image at batch 1 and 4 (and images/s), a 1024² float32 matMul as the machine's
 * reference GFLOP/s, the DRAEM Perlin baseline's pairs/s with SeaS as a ratio of it, and the environment (threads, DJL and libtorch versions, CPU model). Models are seeded, not
 * trained: speed does not depend on the weights. Runs on the calling thread with its current libtorch thread count,
 * holds the SeaS training lock, and prints nothing.
 */
public final class SeasBenchmark {

    private SeasBenchmark() {
    }

    /** Runs every measurement; the rows come in a fixed order. */
    public static List<BenchmarkRow> run(BenchmarkSettings s) throws IOException {
        List<BenchmarkRow> rows = new ArrayList<>();
        TrainingLock.acquire();
        try (NDManager root = NDManager.newBaseManager()) {
            GradMode.off();
            environment(rows);
            matMul(rows, root);
            try (SeasModels models = SeasModels.freshTiny(ProfileSettings.tinyAt(s.imageSize()),
                    List.of("blob", "scratch"), s.seed(), root)) {
                TrainingData data = syntheticData(s.imageSize(), s.seed());
                stage0(rows, s, models, data);
                stage1(rows, s, models, data);
            }
            try (SeasModels models = SeasModels.freshTiny(ProfileSettings.tinyAt(s.imageSize()),
                    List.of("blob", "scratch"), s.seed(), root)) {
                generation(rows, s, models, 1);
                generation(rows, s, models, 4);
            }
            perlinBaseline(rows, s);
        } finally {
            TrainingLock.release();
        }
        return List.copyOf(rows);
    }

    private static void environment(List<BenchmarkRow> rows) throws IOException {
        Engine engine = Engine.getInstance();
        rows.add(new BenchmarkRow("env.intra_op_threads", JniUtils.getNumThreads(), "threads", ""));
        rows.add(new BenchmarkRow("env.djl", 0, "", Engine.getDjlVersion()));
        rows.add(new BenchmarkRow("env.libtorch", 0, "", engine.getVersion()));
        rows.add(new BenchmarkRow("env.cpu", Runtime.getRuntime().availableProcessors(), "cores", cpuModel()));
    }

    private static String cpuModel() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return "unknown (no /proc/cpuinfo)";
        }
        for (String line : Files.readAllLines(info)) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown (no model name in /proc/cpuinfo)";
    }

    private static void matMul(List<BenchmarkRow> rows, NDManager root) {
        try (NDManager m = root.newSubManager()) {
            NDArray a = m.randomUniform(-1, 1, new Shape(1024, 1024));
            NDArray b = m.randomUniform(-1, 1, new Shape(1024, 1024));
            a.matMul(b).close();
            int reps = 5;
            long t = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                a.matMul(b).close();
            }
            double seconds = (System.nanoTime() - t) / 1e9 / reps;
            rows.add(new BenchmarkRow("matmul.1024", 2.0 * 1024 * 1024 * 1024 / seconds / 1e9, "GFLOP/s",
                    "float32, mean of " + reps));
        }
    }

    private static void stage0(List<BenchmarkRow> rows, BenchmarkSettings s, SeasModels models, TrainingData data) {
        int steps = s.warmupSteps() + s.measuredSteps();
        SeasFinetuneOptions o = SeasFinetuneOptions.tinyDefaults().withImageSize(s.imageSize()).withStage0Steps(steps)
                .withSeed(s.seed());
        long[] window = new long[2];
        window[0] = System.nanoTime();
        FinetuneProgress clock = new FinetuneProgress() {
            @Override
            public void onStage(String stage, long totalSteps) {
                window[0] = System.nanoTime();
            }

            @Override
            public void onStep(long step, Map<String, Double> losses, double lr) {
                if (step == s.warmupSteps()) {
                    window[0] = System.nanoTime();
                }
                if (step == steps) {
                    window[1] = System.nanoTime();       // before the s and PSNR measurement
                }
            }
        };
        new Stage0Trainer(models, data, new TrainingStreams(s.seed()), o, clock, new LossLog()).run();
        double perStep = (window[1] - window[0]) / 1e9 / s.measuredSteps();
        rows.add(new BenchmarkRow("stage0.step", perStep, "s", "batch 8, " + Math.min(64, s.imageSize())
                + "² crops, AdamW"));
    }

    private static void stage1(List<BenchmarkRow> rows, BenchmarkSettings s, SeasModels models, TrainingData data) {
        SeasFinetuneOptions o = SeasFinetuneOptions.tinyDefaults().withImageSize(s.imageSize()).withSeed(s.seed());
        int steps = s.warmupSteps() + s.measuredSteps();
        Stage1Trainer trainer = new Stage1Trainer(models, data, new TrainingStreams(s.seed()),
                ProfileSettings.settings(o, steps), FinetuneProgress.NONE, new LossLog());
        try (AdamW adam = trainer.optimizer()) {
            for (int step = 1; step <= s.warmupSteps(); step++) {
                trainer.step(adam, step, 1.0);
            }
            long t = System.nanoTime();
            for (int step = s.warmupSteps() + 1; step <= steps; step++) {
                trainer.step(adam, step, 1.0);
            }
            double perStep = (System.nanoTime() - t) / 1e9 / s.measuredSteps();
            int images = 2 * o.batchSize() * o.gradientAccumulation();
            String note = o.gradientAccumulation() + " micro-batches of " + o.batchSize() + " anomaly + "
                    + o.batchSize() + " normal images, " + s.imageSize() + "²";
            rows.add(new BenchmarkRow("stage1.step", perStep, "s", note));
            rows.add(new BenchmarkRow("stage1.steps_per_s", 1 / perStep, "steps/s", note));
            rows.add(new BenchmarkRow("stage1.train_images_per_s", images / perStep, "images/s", note));
        }
    }

    private static void generation(List<BenchmarkRow> rows, BenchmarkSettings s, SeasModels models, int batch) {
        SeasSampler sampler = new SeasSampler(models);
        SplittableRandom r = new SplittableRandom(s.seed());
        float[] reference = new float[3 * s.imageSize() * s.imageSize()];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = (float) (r.nextDouble() * 2 - 1);
        }
        List<SampleSpec> specs = new ArrayList<>();
        for (int j = 0; j < batch; j++) {
            specs.add(new SampleSpec(models.prompts().prompt(j % 2).text(), j, 3.0, reference));
        }
        for (int i = 0; i < Math.min(1, s.warmupSteps()); i++) {
            sampler.sample(specs, SchedulerKind.DPM, s.samplerSteps());
        }
        long t = System.nanoTime();
        for (int i = 0; i < s.measuredSteps(); i++) {
            sampler.sample(specs, SchedulerKind.DPM, s.samplerSteps());
        }
        double perImage = (System.nanoTime() - t) / 1e9 / s.measuredSteps() / batch;
        String note = "batch " + batch + ", DPM-Solver++ " + s.samplerSteps() + " steps, CFG, " + s.imageSize() + "²";
        rows.add(new BenchmarkRow("generate.batch" + batch + ".image", perImage, "s", note));
        rows.add(new BenchmarkRow("generate.batch" + batch + ".images_per_s", 1 / perImage, "images/s", note));
    }

    /**
     * The weight-free baseline every SeaS pair competes with: DRAEM Perlin pairs (procedural textures) at the same
     * size, and SeaS batch-4 images/s as a ratio of it, both from this run.
     */
    private static void perlinBaseline(List<BenchmarkRow> rows, BenchmarkSettings s) {
        SplittableRandom r = new SplittableRandom(s.seed());
        RgbImage normal = RgbImage.blank(s.imageSize(), s.imageSize());
        for (int i = 0; i < normal.pixels().length; i++) {
            normal.pixels()[i] = (byte) r.nextInt(256);
        }
        PerlinAnomalyGenerator perlin = new PerlinAnomalyGenerator(PerlinConfig.draem(),
                AugmentedAnomalySource.draem(ProceduralTextureSource.allPatterns()));
        int pairs = 20 * Math.max(1, s.measuredSteps());
        for (int i = 0; i < Math.min(pairs, 10 * s.warmupSteps()); i++) {
            perlin.generate(normal, i);
        }
        long t = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            perlin.generate(normal, 1_000 + i);
        }
        double perSecond = pairs / ((System.nanoTime() - t) / 1e9);
        rows.add(new BenchmarkRow("generate.perlin.pairs_per_s", perSecond, "pairs/s", "DRAEM Perlin, procedural "
                + "textures, " + s.imageSize() + "², mean of " + pairs));
        double seas = rows.stream().filter(row -> row.name().equals("generate.batch4.images_per_s")).findFirst()
                .orElseThrow().value();
        rows.add(new BenchmarkRow("generate.batch4.vs_perlin", seas / perSecond, "×", "SeaS batch-4 images/s ÷ "
                + "Perlin pairs/s"));
    }

    /** Random images and square masks for 2 types × 2 shots and 4 normals (decoding is not what is measured). */
    static TrainingData syntheticData(int side, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TrainingData.Anomaly> anomalies = new ArrayList<>();
        List<float[]> normals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float[] mask = new float[side * side];
            int x0 = r.nextInt(side / 2);
            int y0 = r.nextInt(side / 2);
            for (int y = y0; y < y0 + side / 4; y++) {
                for (int x = x0; x < x0 + side / 4; x++) {
                    mask[y * side + x] = 1;
                }
            }
            anomalies.add(new TrainingData.Anomaly("synthetic-" + i, i / 2, image(r, side), mask));
            normals.add(image(r, side));
        }
        return new TrainingData(side, anomalies, normals);
    }

    private static float[] image(SplittableRandom r, int side) {
        float[] v = new float[3 * side * side];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}
