package org.anomalyforge.jobs.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.anomalyforge.generator.quality.MsSsimDistance;
import org.anomalyforge.generator.quality.QualityReport;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.ProgressListener;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.jobs.ForgeRun;
import org.anomalyforge.jobs.LocalSpark;
import org.anomalyforge.jobs.pairs.PairSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    static Path tmp;

    static Path data;
    static Path pairs;
    static final ImageCodec CODEC = ImageCodec.withDefaults();

    /**
     * The tile sample (3 train/good, 3 images per defect type → 1 few-shot shot each), 4 Perlin pairs per type
     * at 64², plus two generated normal rows: an exact copy of train/good/000.png and its colour inverse.
     */
    @BeforeAll
    static void pairs() throws IOException {
        data = tmp.resolve("data");
        new SampleProductGenerator(CODEC).write(data, new SampleSpec(List.of(ProductKind.TILE), 5, 128, 3, 1, 3),
                ProgressListener.NONE);
        pairs = tmp.resolve("pairs");
        SparkSession spark = LocalSpark.get();
        PerlinSynthesizeJob.run(spark, new PerlinSynthesizeJob.Options(data, pairs, List.of(), 4, 42, 64, 2));
        byte[] normal = Files.readAllBytes(data.resolve("tile/train/good/000.png"));
        RgbImage inverse = CODEC.decode(normal, "normal");
        for (int i = 0; i < inverse.pixels().length; i++) {
            inverse.pixels()[i] = (byte) (255 - (inverse.pixels()[i] & 0xff));
        }
        byte[] empty = CODEC.encodeMaskPng(BinaryMask.empty(128, 128));
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = List.of(
                RowFactory.create("tile", "chip", PairSchema.NORMAL, 1L, normal, empty, "test", null, now),
                RowFactory.create("tile", "crack", PairSchema.NORMAL, 2L, CODEC.encodePng(inverse), empty, "test", null,
                        now));
        spark.createDataFrame(rows, PairSchema.SCHEMA).write().mode(SaveMode.Append).parquet(pairs.toString());
    }

    @Test
    void scoresEveryRowWithExactStatisticsAndWritesJsonAndSheets() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path out = tmp.resolve("report");
        ReportJob.Result result = ReportJob.run(spark, new ReportJob.Options(pairs, data, OptionalInt.empty(), out, 3, null, null),
                new PrintWriter(new StringWriter()));
        assertEquals(1, result.reports().size());
        QualityReport report = result.reports().get(0);
        assertEquals(List.of("chip", "crack", "stain", "good"),
                report.types().stream().map(QualityReport.TypeQuality::defectType).toList());
        assertEquals(4L, result.available().get("tile").get("crack"));
        assertEquals(2L, result.available().get("tile").get("good"));

        // crack: 4 pairs, cap 3 → positions ⌊k·4/3⌋ = 0, 1, 2 of the ascending seeds.
        List<Row> crack = spark.read().parquet(pairs.toString()).where("defect_type = 'crack' and kind = 'anomaly'")
                .orderBy(PairSchema.SEED).collectAsList();
        QualityReport.TypeQuality q = report.type("crack").orElseThrow();
        assertEquals(crack.subList(0, 3).stream().map(r -> (Long) r.getAs(PairSchema.SEED)).toList(), q.seeds());
        assertEquals(3, q.generated());
        assertEquals(1, q.references());

        List<RgbImage> images = new ArrayList<>();
        double area = 0;
        for (Row r : crack.subList(0, 3)) {
            images.add(CODEC.decode(r.getAs(PairSchema.IMAGE_PNG), "pair"));
            area += CODEC.decodeMask(r.getAs(PairSchema.MASK_PNG), "mask").mask().coverage();
        }
        assertEquals(area / 3, q.generatedMasks().meanArea(), 1e-15);
        assertEquals(0.0, q.generatedMasks().emptyRate());
        BinaryMask shotMask = CODEC.readMask(data.resolve("tile/ground_truth/crack/000_mask.png")).mask();
        assertEquals(shotMask.coverage(), q.realMasks().meanArea(), 1e-15);

        // One shot → one cluster of three: IC-D is the mean of the three pair distances.
        MsSsimDistance d = new MsSsimDistance();
        double pairsMean = (d.distance(images.get(0), images.get(1)) + d.distance(images.get(0), images.get(2))
                + d.distance(images.get(1), images.get(2))) / 3;
        assertEquals(List.of(3), q.icd().clusterSizes());
        assertEquals(pairsMean, q.icd().icd(), 1e-12);

        // good: the copy of train/good/000.png is memorised (d = 0), its inverse is not.
        QualityReport.TypeQuality good = report.type("good").orElseThrow();
        assertEquals(List.of(1L, 2L), good.seeds());
        assertEquals(3, good.references());
        assertEquals(1.0, good.generatedMasks().emptyRate());
        assertNull(good.realMasks());
        assertEquals(0.0, good.memorisation().min());
        assertEquals(0, good.memorisation().nearestIndex().get(0));
        assertEquals(0.5, good.memorisation().fractionBelow());

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(3, json.get("maxImages").asInt());
        assertTrue(json.get("maxShots").isNull());
        JsonNode tile = json.get("reports").get(0);
        assertEquals("1-MS-SSIM", tile.get("distance").asText());
        assertEquals("n/a", tile.get("networkMetrics").get("IC-LPIPS").asText());
        assertEquals(4, tile.get("types").size());
        assertEquals(3, json.get("normalReferences").get(0).get("used").asInt());

        // 3 tiles of 128 in one row: 3·130 + 2 wide, 128 + 14 + 2 + 2 tall; good has 2 tiles.
        RgbImage sheet = CODEC.read(out.resolve("contact-sheet-tile-crack.png"));
        assertEquals(392, sheet.width());
        assertEquals(146, sheet.height());
        assertEquals(262, CODEC.read(out.resolve("contact-sheet-tile-good.png")).width());
        assertEquals(4, result.sheets().size());
    }

    @Test
    void printsOneTableLinePerRowAndRefusesBadOptions() {
        Path out = tmp.resolve("cli");
        ForgeRun r = ForgeRun.of("generator", "report", "--pairs", pairs.toString(), "--data", data.toString(),
                "--out", out.toString(), "--max-shots", "1", "--max-images", "2", "--master", "local[2]");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("IC-(1-MS-SSIM)"), r.out());
        assertTrue(r.out().contains("memorised %"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("tile\\s+good\\s+2\\s+2\\s+100\\.0\\s+0\\.00\\s+-\\s+0\\.00\\s"
                + "+[0-9.]+\\s+50\\.0")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("tile\\s+stain\\s+4\\s+2\\s+0\\.0\\s.*")), r.out());
        assertTrue(Files.isRegularFile(out.resolve("report.json")));
        assertTrue(Files.isRegularFile(out.resolve("contact-sheet-tile-stain.png")));

        ForgeRun bad = ForgeRun.of("generator", "report", "--pairs", pairs.toString(), "--data", data.toString(),
                "--out", out.toString(), "--max-images", "0");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--max-images must be at least 1, got 0"), bad.err());
        ForgeRun missing = ForgeRun.of("generator", "report", "--pairs", tmp.resolve("none").toString(), "--data",
                data.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no such pairs folder"), missing.err());
    }
}
