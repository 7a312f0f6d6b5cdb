package org.anomalyforge.jobs.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.anomalyforge.generator.GeneratedImage;
import org.anomalyforge.generator.GenerationRequest;
import org.anomalyforge.generator.SamplerKind;
import org.anomalyforge.generator.Seas;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.SeasGenerator;
import org.anomalyforge.generator.quality.MaskImageConsistency;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.MaskDecoding;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.ProgressListener;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.jobs.ForgeRun;
import org.anomalyforge.jobs.LocalSpark;
import org.anomalyforge.jobs.pairs.PairSchema;
import org.anomalyforge.jobs.pairs.PairTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark local, end to end at the smallest sizes: a tiny SeaS fine-tune (2 defect types, 2 shots each), stage 2 with
 * 4 steps through {@code forge generator train-masks}, then synthesis of 2 types × 3 pairs + 1 normal image in
 * chunks of 3, a simulated crash and the resume that generates only the missing chunks.
 */
class SeasSynthesizeJobTest {
    @TempDir
    static Path tmp;

    static Path data;
    static String stage1;
    static String masked;

    @BeforeAll
    static void trainTinyRunWithMasks() throws IOException {
        data = tmp.resolve("data");
        new SampleProductGenerator(ImageCodec.withDefaults()).write(data,
                new SampleSpec(List.of(ProductKind.TILE), 4, 128, 3, 0, 6), ProgressListener.NONE);
        for (String dir : List.of("test/stain", "ground_truth/stain")) {       // keep two defect types
            try (Stream<Path> files = Files.walk(data.resolve("tile").resolve(dir))) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        SeasFinetuneOptions options = SeasFinetuneOptions.tinyDefaults().withImageSize(32).withStage0Steps(2)
                .withStage1Steps(2).withBatchSize(2).withGradientAccumulation(1);
        stage1 = SeasFinetuneJob.run(LocalSpark.get(), new SeasFinetuneJob.Options(data, tmp.resolve("store"),
                List.of(), OptionalInt.empty(), options, "test")).get(0).runDir();

        ForgeRun masks = ForgeRun.of("generator", "train-masks", "--model", stage1, "--data", data.toString(),
                "--steps", "4", "--recalibration-batches", "1");
        assertEquals(0, masks.exitCode(), masks.err());
        assertTrue(masks.out().contains("Final focal loss (stage2.total): "), masks.out());
        String marker = "Model tile with masks (parent " + Path.of(stage1).getFileName() + "): ";
        int at = masks.out().indexOf(marker);
        assertTrue(at >= 0, masks.out());
        masked = masks.out().substring(at + marker.length()).lines().findFirst().orElseThrow().trim();
        // Committed to the store holding the parent: <store>/tile/seas/<new run>.
        assertEquals(Path.of(stage1).getParent(), Path.of(masked).getParent());
        assertEquals("seas", ModelStore.open(Path.of(masked)).manifest().kind());
    }

    private static SeasSynthesizeJob.Options options(Path out, double guidance) {
        return new SeasSynthesizeJob.Options(Path.of(masked), data, out, 3, 1, guidance, 2,
                SamplerKind.DPM_SOLVER_PP_2M, 2, 42, 3);
    }

    @Test
    void trainMasksRefusesShotsOtherThanTheStage1Runs() {
        ForgeRun r = ForgeRun.of("generator", "train-masks", "--model", stage1, "--data", data.toString(),
                "--max-shots", "1", "--steps", "1");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("with --max-shots 1 the dataset gives {chip=[tile/chip/000.png], "
                + "crack=[tile/crack/000.png]}, but " + Path.of(stage1).resolve("split.json") + " lists "
                + "{chip=[tile/chip/000.png, tile/chip/001.png], crack=[tile/crack/000.png, tile/crack/001.png]}"),
                r.err());
    }

    @Test
    void synthesizesChunksAndAResumeGeneratesOnlyTheMissingOnes() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path out = tmp.resolve("pairs");
        SeasSynthesizeJob.Summary first = SeasSynthesizeJob.run(spark, options(out, 3));
        assertEquals(7, first.total());
        assertEquals(7, first.generated());
        assertEquals(3, first.chunks());          // [chip ×3] [crack ×3] [good ×1]
        assertEquals(0, first.resumedChunks());
        assertEquals(List.of("chip", "crack", "good"), first.types().stream().map(SeasSynthesizeJob.TypeStats::defectType)
                .toList());
        assertEquals(List.of(3L, 3L, 1L), first.types().stream().map(SeasSynthesizeJob.TypeStats::pairs).toList());
        assertEquals(1, first.types().get(2).emptyMasks());
        assertEquals(0.0, first.types().get(2).meanMaskAreaPercent());

        // Rows: exactly the PairSchema, the SeaS run and guidance, binary masks at the image size, all-zero for normals.
        List<Row> rows = PairTable.read(spark, out).orderBy(PairSchema.DEFECT_TYPE, PairSchema.SEED).collectAsList();
        assertArrayEquals(PairSchema.SCHEMA.fieldNames(), rows.get(0).schema().fieldNames());
        String runId = Path.of(masked).getFileName().toString();
        ImageCodec codec = ImageCodec.withDefaults();
        for (Row r : rows) {
            assertEquals(runId, r.getAs(PairSchema.GENERATOR_RUN));
            assertEquals(3.0, (double) r.getAs(PairSchema.GUIDANCE));
            RgbImage image = codec.decode(r.getAs(PairSchema.IMAGE_PNG), "image");
            MaskDecoding mask = codec.decodeMask(r.getAs(PairSchema.MASK_PNG), "mask");
            assertEquals(32, image.width());
            assertEquals(32, mask.mask().width());
            assertEquals(0, mask.nonBinaryPixels());
            boolean normal = PairSchema.NORMAL.equals(r.getAs(PairSchema.KIND));
            assertEquals(normal, "good".equals(r.getAs(PairSchema.DEFECT_TYPE)));
            if (normal) {
                assertEquals(0, mask.mask().area());
            }
        }
        assertEquals(java.util.Set.of(PairSeeds.of(42, "tile", "chip", 0), PairSeeds.of(42, "tile", "chip", 1),
                PairSeeds.of(42, "tile", "chip", 2)), rows.stream().filter(r -> "chip".equals(r.getAs(
                PairSchema.DEFECT_TYPE))).map(r -> (long) r.getAs(PairSchema.SEED)).collect(
                java.util.stream.Collectors.toSet()));
        Map<Long, byte[]> crackImages = new HashMap<>();
        rows.stream().filter(r -> "crack".equals(r.getAs(PairSchema.DEFECT_TYPE)))
                .forEach(r -> crackImages.put(r.getAs(PairSchema.SEED), r.getAs(PairSchema.IMAGE_PNG)));

        // Crash: chunk 1's write died during its job commit (files, no _SUCCESS), chunk 2 never started.
        Path chunk0 = out.resolve("chunk=00000");
        Map<Path, FileTime> chunk0Files = modified(chunk0);
        Files.delete(out.resolve("chunk=00001/_SUCCESS"));
        deleteTree(out.resolve("chunk=00002"));
        assertEquals(3, PairTable.read(spark, out).count());

        SeasSynthesizeJob.Summary resumed = SeasSynthesizeJob.run(spark, options(out, 3));
        assertEquals(4, resumed.generated());      // chunk 1 (3 pairs) and chunk 2 (1 normal) only
        assertEquals(1, resumed.resumedChunks());
        assertEquals(7, resumed.total());
        assertEquals(chunk0Files, modified(chunk0), "a committed chunk is never rewritten");
        org.apache.spark.sql.Dataset<Row> table = PairTable.read(spark, out);
        assertEquals(7, table.count());
        assertEquals(7, table.select(PairSchema.PRODUCT, PairSchema.DEFECT_TYPE, PairSchema.KIND, PairSchema.SEED)
                .distinct().count());
        for (Row r : table.where(table.col(PairSchema.DEFECT_TYPE).equalTo("crack")).collectAsList()) {
            assertArrayEquals(crackImages.get((long) r.getAs(PairSchema.SEED)), r.getAs(PairSchema.IMAGE_PNG),
                    "a regenerated pair equals the lost one (seed " + r.getAs(PairSchema.SEED) + ")");
        }

        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> SeasSynthesizeJob.run(spark, options(out, 5)));
        assertTrue(other.getMessage().contains("was written with guidance = 3.0, this run has guidance = 5.0"),
                other.getMessage());

        // The command: a rerun has nothing left to do; the export writes MVTec PNGs and per-pair metadata.
        Path png = tmp.resolve("png");
        ForgeRun cli = ForgeRun.of("generator", "synthesize", "--method", "seas", "--model", masked, "--data",
                data.toString(), "--per-type", "3", "--normals", "1", "--guidance", "3", "--steps", "2", "--batch", "2",
                "--chunk-pairs", "3", "--out", out.toString(), "--export-mvtec", png.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("resumed: 3 chunks already done (of 3); generated 0 pairs now"), cli.out());
        assertTrue(cli.out().contains("mean mask area %"), cli.out());
        try (Stream<Path> s = Files.list(png.resolve("tile/test/crack"))) {
            assertEquals(3, s.count());
        }
        try (Stream<Path> s = Files.list(png.resolve("tile/train/good"))) {
            assertEquals(1, s.count());
        }
        long seed = PairSeeds.of(42, "tile", "crack", 1);
        String meta = Files.readString(png.resolve("tile/meta/crack/" + seed + ".json"));
        for (String field : List.of("\"product\" : \"tile\"", "\"defect_type\" : \"crack\"", "\"seed\" : " + seed,
                "\"guidance\" : 3.0", "\"generator_run\" : \"" + runId + "\"", "\"mask_area_fraction\" : ",
                "\"steps\" : 2", "\"sampler\" : \"DPM_SOLVER_PP_2M\"")) {
            assertTrue(meta.contains(field), field + " in " + meta);
        }
        assertFalse(Files.exists(png.resolve("tile/meta/good/" + PairSeeds.of(42, "tile", "good", 1) + ".json")));
        assertNotEquals(0, Files.size(png.resolve("tile/meta/good/" + PairSeeds.of(42, "tile", "good", 0) + ".json")));
    }

    private static Map<Path, FileTime> modified(Path dir) throws IOException {
        Map<Path, FileTime> m = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName(), Files.getLastModifiedTime(p));
            }
        }
        return m;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void consistencyPairsEachPlannedPairWithItsNormalPromptTwin() throws Exception {
        Path out = tmp.resolve("consistency");
        ForgeRun r = ForgeRun.of("generator", "consistency", "--model", masked, "--data", data.toString(),
                "--per-type", "2", "--batch", "2", "--seed", "5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode types = new ObjectMapper().readTree(out.resolve("consistency.json").toFile()).get("types");

        // The same pairs built by hand from the plan's seeds and references: the JSON must match exactly.
        try (SeasGenerator g = Seas.load(Path.of(masked))) {
            assertEquals(g.defectTypes(), iterableToList(types.fieldNames()));
            List<Path> pool = SeasSynthesisPlan.referencePool(new MvtecDatasetReader().read(data)
                    .product(g.product()).orElseThrow());
            for (String type : g.defectTypes()) {
                List<MaskImageConsistency.Pair> pairs = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    long seed = PairSeeds.of(5, g.product(), type, i);
                    byte[] reference = Files.readAllBytes(SeasSynthesisPlan.reference(pool, i));
                    List<GeneratedImage> twin = g.generate(List.of(
                            new GenerationRequest(type, seed, 3, 25, SamplerKind.DPM_SOLVER_PP_2M, reference),
                            new GenerationRequest(null, seed, 3, 25, SamplerKind.DPM_SOLVER_PP_2M, reference)));
                    pairs.add(new MaskImageConsistency.Pair(twin.get(0).image(), twin.get(1).image(),
                            twin.get(0).mask()));
                }
                MaskImageConsistency.Result expected = MaskImageConsistency.measure(pairs);
                JsonNode got = types.get(type);
                assertEquals(2, got.get("pairs").asInt());
                assertEquals(expected.meanD(), got.get("meanD").asDouble(), 0, type);
                assertTrue(expected.meanD() > 0, "the defect prompt changes the image: " + expected);
                assertEquals(String.valueOf(expected.pixelAuroc()), got.get("pixelAuroc").asText(), type);
                assertEquals(String.valueOf(expected.bestIou()), got.get("bestIou").asText(), type);
            }
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("defect type") && l.contains("pixel AUROC of D")),
                r.out());

        ForgeRun odd = ForgeRun.of("generator", "consistency", "--model", masked, "--data", data.toString(),
                "--batch", "3", "--out", out.toString());
        assertEquals(2, odd.exitCode());
        assertTrue(odd.err().contains("--batch must be an even number >= 2, got 3"), odd.err());
    }

    private static List<String> iterableToList(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
