package org.anomalyforge.jobs.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.MaskDecoding;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.ProgressListener;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.jobs.LocalSpark;
import org.anomalyforge.jobs.pairs.MvtecExport;
import org.anomalyforge.jobs.pairs.PairSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerlinSynthesizeJobTest {
    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void sample() throws IOException {
        data = tmp.resolve("data");
        new SampleProductGenerator(ImageCodec.withDefaults()).write(data,
                new SampleSpec(List.of(ProductKind.TILE), 5, 128, 3, 1, 3), ProgressListener.NONE);
    }

    private static PerlinSynthesizeJob.Options options(Path out, long seed) {
        return new PerlinSynthesizeJob.Options(data, out, List.of(), 4, seed, 64, 3);
    }

    @Test
    void writesPerTypePairsInTheSchemaWithExactMasks() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path out = tmp.resolve("pairs");
        PerlinSynthesizeJob.Summary summary = PerlinSynthesizeJob.run(spark, options(out, 42));
        assertEquals(12, summary.total());
        assertEquals(List.of(new PerlinSynthesizeJob.Summary.Count("tile", "chip", 4),
                new PerlinSynthesizeJob.Summary.Count("tile", "crack", 4),
                new PerlinSynthesizeJob.Summary.Count("tile", "stain", 4)), summary.counts());
        assertEquals(PairSchema.SCHEMA.fieldNames().length, spark.read().parquet(out.toString()).schema().size());
        assertArrayEquals(PairSchema.SCHEMA.fieldNames(), spark.read().parquet(out.toString()).schema().fieldNames());

        ImageCodec codec = ImageCodec.withDefaults();
        for (Row r : spark.read().parquet(out.toString()).collectAsList()) {
            assertEquals(PairSchema.ANOMALY, r.getAs(PairSchema.KIND));
            assertTrue(r.isNullAt(r.fieldIndex(PairSchema.GUIDANCE)), "perlin has no guidance");
            RgbImage image = codec.decode(r.getAs(PairSchema.IMAGE_PNG), "pair");
            MaskDecoding mask = codec.decodeMask(r.getAs(PairSchema.MASK_PNG), "mask");
            assertEquals(64, image.width());
            assertEquals(0, mask.nonBinaryPixels());
            BinaryMask m = mask.mask();
            assertTrue(m.area() > 0, "seed " + r.getAs(PairSchema.SEED) + " has an empty mask");
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesWhateverThePartitioning() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        PerlinSynthesizeJob.run(spark, options(a, 7));
        PerlinSynthesizeJob.run(spark, new PerlinSynthesizeJob.Options(data, b, List.of("tile"), 4, 7, 64, 1));
        List<Row> ra = spark.read().parquet(a.toString()).orderBy(PairSchema.SEED).collectAsList();
        List<Row> rb = spark.read().parquet(b.toString()).orderBy(PairSchema.SEED).collectAsList();
        assertEquals(12, ra.size());
        for (int i = 0; i < ra.size(); i++) {
            assertEquals((long) ra.get(i).getAs(PairSchema.SEED), (long) rb.get(i).getAs(PairSchema.SEED));
            assertArrayEquals((byte[]) ra.get(i).getAs(PairSchema.IMAGE_PNG), (byte[]) rb.get(i).getAs(PairSchema.IMAGE_PNG));
            assertArrayEquals((byte[]) ra.get(i).getAs(PairSchema.MASK_PNG), (byte[]) rb.get(i).getAs(PairSchema.MASK_PNG));
        }
        // Pairs of different defect types never share a seed (the type is mixed into the seed).
        assertEquals(12, ra.stream().map(r -> (long) r.getAs(PairSchema.SEED)).distinct().count());

        Path png = tmp.resolve("png");
        assertEquals(12, MvtecExport.run(spark, a, png));
        try (var s = Files.list(png.resolve("tile/test/crack"))) {
            assertEquals(4, s.count());
        }
        try (var s = Files.list(png.resolve("tile/ground_truth/crack"))) {
            assertTrue(s.allMatch(p -> p.getFileName().toString().endsWith("_mask.png")));
        }
    }

    @Test
    void refusesToOverwriteExistingPairsAndUnknownProducts() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("exists"));
        IOException e = assertThrows(IOException.class, () -> PerlinSynthesizeJob.run(LocalSpark.get(), options(out, 1)));
        assertEquals(out + ": already exists; choose a new --out (existing pairs are never overwritten)", e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> PerlinSynthesizeJob.run(
                LocalSpark.get(), new PerlinSynthesizeJob.Options(data, tmp.resolve("x"), List.of("wood"), 1, 1, 64, 1)));
        assertTrue(p.getMessage().startsWith("product 'wood' is not in "), p.getMessage());
    }
}
