package org.anomalyforge.jobs.segmenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.ProgressListener;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.VerifiedRun;
import org.anomalyforge.jobs.LocalSpark;
import org.anomalyforge.jobs.generator.PerlinSynthesizeJob;
import org.anomalyforge.segmenter.LfdPreset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark local: sample → Perlin pairs → LFD training in a task → evaluation of the held-out split. */
class SegmenterTrainEvaluateJobTest {
    @TempDir
    static Path tmp;

    static Path data;
    static Path pairs;

    @BeforeAll
    static void inputs() throws IOException {
        data = tmp.resolve("data");
        // 2 normals, 1 test/good, 4 images per type: 1 shot + 3 held out per type.
        new SampleProductGenerator(ImageCodec.withDefaults()).write(data,
                new SampleSpec(List.of(ProductKind.METAL), 3, 128, 2, 1, 4), ProgressListener.NONE);
        pairs = tmp.resolve("pairs");
        PerlinSynthesizeJob.run(LocalSpark.get(), new PerlinSynthesizeJob.Options(data, pairs, List.of(), 2, 5, 64, 2));
    }

    @Test
    void trainsOneModelFromShotsNormalsAndPairsThenEvaluatesTheHeldOutSplit() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path store = tmp.resolve("store");
        List<SegmenterTrainJob.Trained> trained = SegmenterTrainJob.run(spark, new SegmenterTrainJob.Options(data,
                List.of(pairs), store, List.of(), false, OptionalInt.empty(),
                new TrainSettings(LfdPreset.SMOKE.name(), 64, 4, 2, 4, 42L, null, null), "test"));
        assertEquals(1, trained.size());
        SegmenterTrainJob.Trained t = trained.get(0);
        assertEquals("unified", t.model());
        // 3 types × 1 shot, 2 normals, 3 types × 2 Perlin pairs.
        assertEquals(3, t.realShots());
        assertEquals(2, t.normals());
        assertEquals(6, t.generated());
        assertEquals(11, t.samples());
        assertEquals(4, t.iterations());
        VerifiedRun run = ModelStore.open(Path.of(t.runDir()));
        assertEquals("unified", run.manifest().product());
        assertEquals("lfd", run.manifest().kind());

        Path out = tmp.resolve("eval");
        SegmenterEvaluateJob.Report report = SegmenterEvaluateJob.run(spark,
                new SegmenterEvaluateJob.Options(data, Path.of(t.runDir()), List.of(), out, 2, 2));
        // Held out: 3 per type × 3 types + 1 test/good.
        assertEquals(10, report.images());
        assertEquals(List.of("dent", "rust", "scratch", "all"), List.copyOf(report.metrics().get("metal").keySet()));
        assertEquals(10, report.metrics().get("metal").get("all").counts().images());
        assertEquals(9, report.metrics().get("metal").get("all").counts().anomalousImages());
        // Each defect type is scored with the product's good image: 3 + 1.
        assertEquals(4, report.metrics().get("metal").get("rust").counts().images());

        List<Row> scores = spark.read().parquet(out.resolve("scores.parquet").toString()).collectAsList();
        assertEquals(10, scores.size());
        assertEquals(1, scores.stream().filter(r -> !r.<Boolean>getAs("gt_label")).count());
        JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(10, json.get("images").asInt());
        assertTrue(json.get("products").get("metal").get("all").has("pixel_ap"));
        String table = MetricsTable.of(report.metrics());
        assertTrue(table.contains("metal    all"), table);

        IOException again = assertThrows(IOException.class, () -> SegmenterEvaluateJob.run(spark,
                new SegmenterEvaluateJob.Options(data, Path.of(t.runDir()), List.of(), out, 2, 2)));
        assertEquals(out + ": already holds an evaluation; choose a new --out", again.getMessage());
    }

    @Test
    void perProductTrainingKeysModelsByProductAndRefusesATamperedRunAtEvaluation() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path store = tmp.resolve("store-pp");
        List<SegmenterTrainJob.Trained> trained = SegmenterTrainJob.run(spark, new SegmenterTrainJob.Options(data,
                List.of(pairs), store, List.of("metal"), true, OptionalInt.of(1),
                new TrainSettings(LfdPreset.SMOKE.name(), 64, 4, 1, 2, 42L, null, null), "test"));
        assertEquals("metal", trained.get(0).model());
        assertEquals(6, trained.get(0).generated());
        Path runDir = Path.of(trained.get(0).runDir());
        assertTrue(runDir.startsWith(store.resolve("metal/lfd")), runDir.toString());
        Path weights;
        try (var s = Files.list(runDir)) {
            weights = s.filter(p -> p.toString().endsWith(".safetensors")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1;
        Files.write(weights, bytes);
        IOException e = assertThrows(IOException.class, () -> SegmenterEvaluateJob.run(spark,
                new SegmenterEvaluateJob.Options(data, runDir, List.of(), tmp.resolve("eval-pp"), 2, 1)));
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("eval-pp")));
    }
}
