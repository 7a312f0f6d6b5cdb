package org.anomalyforge.jobs.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.anomalyforge.generator.GeneratedImage;
import org.anomalyforge.generator.GenerationRequest;
import org.anomalyforge.generator.SamplerKind;
import org.anomalyforge.generator.Seas;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.SeasGenerator;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.generator.FinetuneCommand;
import org.anomalyforge.jobs.generator.PairSeeds;
import org.anomalyforge.jobs.generator.SeasFinetuneJob;
import org.anomalyforge.jobs.generator.SeasMaskTrainingJob;
import org.anomalyforge.jobs.generator.SeasSynthesizeJob;
import org.anomalyforge.jobs.generator.TrainMasksCommand;
import org.apache.spark.sql.SparkSession;

/**
 * The demo's SeaS stages: a tiny fine-tune of one product (stage 0 + stage 1) as the Spark job, its loss
 * terms first → last, then images sampled per defect type and for the normal prompt from the same seeds
 * and reference images, with the mean pixel difference the defect tokens make; then stage 2 (the mask branch)
 * and a small batch of image–mask pairs for the segmenter.
 */
final class SeasDemoStage {
    private SeasDemoStage() {}

    static Path run(SparkSession spark, PrintWriter out, Path data, Product product, Path work, int size,
                    int stage0Steps, int stage1Steps, long seed) throws IOException {
        SeasFinetuneOptions options = SeasFinetuneOptions.tinyDefaults().withImageSize(size)
                .withStage0Steps(stage0Steps).withStage1Steps(stage1Steps).withSeed(seed);
        List<SeasFinetuneJob.Finetuned> runs = SeasFinetuneJob.run(spark, new SeasFinetuneJob.Options(data,
                work.resolve("models"), List.of(product.name()), OptionalInt.empty(), options, ForgeVersion.version()));
        FinetuneCommand.print(out, runs);
        Path runDir = Path.of(runs.get(0).runDir());

        ImageCodec codec = ImageCodec.withDefaults();
        Path samples = work.resolve("samples");
        TextTable t = new TextTable("prompt", "images", "mean |anomaly − normal| per pixel (0–255)");
        try (SeasGenerator generator = Seas.load(runDir)) {
            for (String type : generator.defectTypes()) {
                List<GenerationRequest> anomalies = new ArrayList<>();
                List<GenerationRequest> normals = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    long s = PairSeeds.of(seed, product.name(), type, i);
                    byte[] reference = Files.readAllBytes(product.trainGood().get(
                            (int) Math.floorMod(s, (long) product.trainGood().size())));
                    anomalies.add(new GenerationRequest(type, s, 7.5, 25, SamplerKind.DPM_SOLVER_PP_2M, reference));
                    normals.add(new GenerationRequest(null, s, 7.5, 25, SamplerKind.DPM_SOLVER_PP_2M, reference));
                }
                List<GeneratedImage> a = generator.generate(anomalies);
                List<GeneratedImage> n = generator.generate(normals);
                double diff = 0;
                for (int i = 0; i < a.size(); i++) {
                    codec.writePng(samples.resolve(type).resolve(a.get(i).seed() + ".png"), a.get(i).image());
                    codec.writePng(samples.resolve("good").resolve(type + "-" + n.get(i).seed() + ".png"),
                            n.get(i).image());
                    diff += meanAbsDifference(a.get(i).image(), n.get(i).image()) / a.size();
                }
                t.row("a ob1 with " + type + " tokens", a.size(), String.format(Locale.ROOT, "%.2f", diff));
            }
        }
        out.print(t);
        out.println("   samples (defect prompt and normal prompt, same seed and reference) in " + samples);
        return runDir;
    }

    /** Stage 2 on the demo's SeaS run, then a small batch of pairs with masks; returns the pairs folder. */
    static Path pairs(SparkSession spark, PrintWriter out, Path data, Path seasRun, Path work, Path pairs,
                      int stage2Steps, int perType, long seed) throws IOException {
        SeasMaskTrainingJob.Trained masks = SeasMaskTrainingJob.run(spark, new SeasMaskTrainingJob.Options(seasRun,
                data, work.resolve("models"), OptionalInt.empty(), stage2Steps, 0, seed, ForgeVersion.version()));
        TrainMasksCommand.print(out, masks);
        SeasSynthesizeJob.Summary summary = SeasSynthesizeJob.run(spark, new SeasSynthesizeJob.Options(
                Path.of(masks.runDir()), data, pairs, perType, 0, 3.0, 25, SamplerKind.DPM_SOLVER_PP_2M, 4, seed, 0));
        TextTable t = new TextTable("defect type", "pairs", "empty masks", "mean mask area %");
        summary.types().forEach(ty -> t.row(ty.defectType(), ty.pairs(), ty.emptyMasks(),
                String.format(Locale.ROOT, "%.2f", ty.meanMaskAreaPercent())));
        out.print(t);
        out.println("   " + summary.total() + " SeaS pairs (" + summary.generatorRun() + ") in " + pairs);
        return pairs;
    }

    static double meanAbsDifference(RgbImage a, RgbImage b) {
        byte[] pa = a.pixels();
        byte[] pb = b.pixels();
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs((pa[i] & 0xff) - (pb[i] & 0xff));
        }
        return (double) sum / pa.length;
    }
}
