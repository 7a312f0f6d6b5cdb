package org.anomalyforge.jobs.pairs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.ProgressListener;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.jobs.LocalSpark;
import org.anomalyforge.jobs.segmenter.TrainingInputs;
import org.anomalyforge.segmenter.SampleOrigin;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet round trip of SeaS pair rows in the chunked layout, read back as exactly the {@link PairSchema} columns. */
class PairTableTest {
    @TempDir
    Path tmp;

    private static final ImageCodec CODEC = ImageCodec.withDefaults();
    private static final Timestamp CREATED = Timestamp.from(Instant.parse("2026-11-29T06:00:00Z"));

    /** A SeaS row: 4×4 image of one grey level, mask with {@code defectPixels} set pixels in the first row. */
    private static Row row(String type, String kind, long seed, int grey, int defectPixels) {
        byte[] rgb = new byte[4 * 4 * 3];
        Arrays.fill(rgb, (byte) grey);
        BinaryMask mask = BinaryMask.empty(4, 4);
        for (int x = 0; x < defectPixels; x++) {
            mask.set(x, 0, true);
        }
        return RowFactory.create("tile", type, kind, seed, CODEC.encodePng(new RgbImage(4, 4, rgb)),
                CODEC.encodeMaskPng(mask), "20261129-060000-abc", 3.0, CREATED);
    }

    private static void writeChunk(SparkSession spark, Path pairs, String chunk, List<Row> rows) {
        spark.createDataFrame(rows, PairSchema.SCHEMA).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                .parquet(pairs.resolve(chunk).toString());
    }

    @Test
    void readsCommittedChunksAsExactlyThePairSchema() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path pairs = tmp.resolve("pairs");
        writeChunk(spark, pairs, "chunk=00000", List.of(row("crack", PairSchema.ANOMALY, 11, 10, 3),
                row("crack", PairSchema.ANOMALY, 12, 20, 1)));
        writeChunk(spark, pairs, "chunk=00001", List.of(row("good", PairSchema.NORMAL, 13, 30, 0)));
        writeChunk(spark, pairs, "chunk=00002", List.of(row("stain", PairSchema.ANOMALY, 14, 40, 2)));
        Files.delete(pairs.resolve("chunk=00002/_SUCCESS"));    // a write that crashed during its job commit

        // The plain reader shows why PairTable exists: a partition column and the uncommitted rows.
        org.apache.spark.sql.Dataset<Row> plain = spark.read().parquet(pairs.toString());
        assertTrue(Arrays.asList(plain.schema().fieldNames()).contains("chunk"));
        assertEquals(4, plain.count());

        org.apache.spark.sql.Dataset<Row> table = PairTable.read(spark, pairs);
        assertArrayEquals(PairSchema.SCHEMA.fieldNames(), table.schema().fieldNames());
        for (int i = 0; i < PairSchema.SCHEMA.size(); i++) {
            assertEquals(PairSchema.SCHEMA.fields()[i].dataType(), table.schema().fields()[i].dataType());
        }
        List<Row> rows = table.orderBy(PairSchema.SEED).collectAsList();
        assertEquals(List.of(11L, 12L, 13L), rows.stream().map(r -> r.getLong(3)).toList());
        Row expected = row("crack", PairSchema.ANOMALY, 11, 10, 3);
        Row got = rows.get(0);
        for (int i = 0; i < PairSchema.SCHEMA.size(); i++) {
            if (expected.get(i) instanceof byte[] b) {
                assertArrayEquals(b, (byte[]) got.get(i), PairSchema.SCHEMA.fieldNames()[i]);
            } else {
                assertEquals(expected.get(i), got.get(i), PairSchema.SCHEMA.fieldNames()[i]);
            }
        }
        assertEquals(3, CODEC.decodeMask(got.getAs(PairSchema.MASK_PNG), "mask").mask().area());
        assertEquals(0, CODEC.decodeMask(rows.get(2).getAs(PairSchema.MASK_PNG), "mask").mask().area());

        // A flat folder (the Perlin layout) and a chunked one read together.
        Path flat = tmp.resolve("flat");
        spark.createDataFrame(List.of(row("chip", PairSchema.ANOMALY, 21, 50, 4)), PairSchema.SCHEMA).write()
                .parquet(flat.toString());
        assertEquals(4, PairTable.read(spark, List.of(pairs, flat)).count());
        assertEquals(0, PairTable.read(spark, Files.createDirectories(tmp.resolve("chunks-none/chunk=00000")).getParent())
                .count());
    }

    @Test
    void segmenterTrainingReadsChunkedPairs() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path data = tmp.resolve("data");
        new SampleProductGenerator(CODEC).write(data, new SampleSpec(List.of(ProductKind.TILE), 3, 128, 2, 0, 3),
                ProgressListener.NONE);
        Path pairs = tmp.resolve("pairs");
        writeChunk(spark, pairs, "chunk=00000", List.of(row("crack", PairSchema.ANOMALY, 11, 10, 3),
                row("good", PairSchema.NORMAL, 13, 30, 0)));
        List<Row> rows = TrainingInputs.load(spark, new MvtecDatasetReader().read(data).products(), "unified",
                OptionalInt.empty(), List.of(pairs)).collectAsList();
        // 2 normals + 3 shots (one per type) + the 2 generated rows
        assertEquals(7, rows.size());
        assertEquals(1, rows.stream().filter(r -> r.getString(2).equals(SampleOrigin.GENERATED.name())).count());
        assertEquals(3, rows.stream().filter(r -> r.getString(2).equals(SampleOrigin.NORMAL.name())).count());
    }
}
