package org.anomalyforge.jobs.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.ProgressListener;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.jobs.ForgeRun;
import org.anomalyforge.jobs.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark local: SeaS tiny fine-tune per product in a task, then `forge generator sample` from the run. */
class SeasFinetuneJobTest {
    @TempDir
    Path tmp;

    @Test
    void finetunesOneRunPerProductAndSamplesReproducibleImages() throws IOException {
        Path data = tmp.resolve("data");
        new SampleProductGenerator(ImageCodec.withDefaults()).write(data,
                new SampleSpec(List.of(ProductKind.TILE), 4, 128, 3, 0, 3), ProgressListener.NONE);
        SeasFinetuneOptions options = SeasFinetuneOptions.tinyDefaults().withImageSize(64).withStage0Steps(2)
                .withStage1Steps(2).withBatchSize(2).withGradientAccumulation(1);
        List<SeasFinetuneJob.Finetuned> runs = SeasFinetuneJob.run(LocalSpark.get(), new SeasFinetuneJob.Options(data,
                tmp.resolve("store"), List.of(), OptionalInt.empty(), options, "test"));
        assertEquals(1, runs.size());
        SeasFinetuneJob.Finetuned run = runs.get(0);
        assertEquals("tile", run.product());
        assertEquals(3, run.anomalies());     // one shot per defect type (3 images each → ⌊3/3⌋ = 1)
        assertEquals(3, run.normals());
        assertTrue(run.firstLast().containsKey("stage1.eps_mse") && run.firstLast().containsKey("stage1.da"), run.firstLast().keySet().toString());
        assertEquals("seas", ModelStore.open(Path.of(run.runDir())).manifest().kind());

        String[] sample = {"generator", "sample", "--model", run.runDir(), "--data", data.toString(), "--defect",
            "crack", "--n", "2", "--steps", "2", "--batch", "2", "--out", tmp.resolve("a").toString()};
        ForgeRun first = ForgeRun.of(sample);
        assertEquals(0, first.exitCode(), first.err());
        sample[sample.length - 1] = tmp.resolve("b").toString();
        assertEquals(0, ForgeRun.of(sample).exitCode());
        List<Path> images;
        try (Stream<Path> s = Files.list(tmp.resolve("a/crack"))) {
            images = s.sorted().toList();
        }
        assertEquals(2, images.size());
        ImageCodec codec = ImageCodec.withDefaults();
        for (Path image : images) {
            RgbImage a = codec.read(image);
            RgbImage b = codec.read(tmp.resolve("b/crack").resolve(image.getFileName()));
            assertEquals(a, b, "same seed must give the same image: " + image.getFileName());
        }
        assertTrue(Files.readString(tmp.resolve("a/samples.csv")).lines().count() == 3);

        ForgeRun bad = ForgeRun.of("generator", "sample", "--model", run.runDir(), "--gaussian", "--defect", "rust",
                "--n", "1", "--out", tmp.resolve("c").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--defect must be one of [chip, crack, stain] or 'good'"), bad.err());
    }
}
