package org.anomalyforge.jobs.segmenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.anomalyforge.jobs.ForgeRun;
import org.anomalyforge.jobs.LocalSpark;
import org.anomalyforge.jobs.segmenter.ScoreStrata.ScoredImage;
import org.anomalyforge.jobs.segmenter.ScoreStrata.Summary;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-computed strata. s1: good 0.9, 0.7, defective 0.8 → AUROC ½ (0.8 beats 0.7 only). s2: good 0.1, defective
 * 0.3, 0.2 → 1. s3: good 0.5 alone. Overall: 5 of the 12 good–defective pairs are ordered right (0.8 beats 0.7, 0.1,
 * 0.5; 0.3 and 0.2 beat 0.1) → 41.67; within strata 3 of 4 → 75.00; 1 of 4 good images sits in a stratum without
 * defective images.
 */
class SegmenterStrataCommandTest {

    @TempDir
    Path tmp;

    private static final List<ScoredImage> IMAGES = List.of(
            new ScoredImage("p/good/s1_a.png", false, 0.9f),
            new ScoredImage("p/good/s1_b.png", false, 0.7f),
            new ScoredImage("p/crack/s1_c.png", true, 0.8f),
            new ScoredImage("p/good/s2_a.png", false, 0.1f),
            new ScoredImage("p/crack/s2_b.png", true, 0.3f),
            new ScoredImage("p/hole/s2_c.png", true, 0.2f),
            new ScoredImage("p/good/s3_a.png", false, 0.5f));

    @Test
    void summaryMatchesTheHandCount() {
        Summary s = ScoreStrata.of(IMAGES, Pattern.compile("/(s[0-9])_"));
        assertEquals(List.of("s1", "s2", "s3"), s.strata().stream().map(ScoreStrata.Stratum::name).toList());
        assertEquals(0.5, s.strata().get(0).imageAuroc());
        assertEquals(1.0, s.strata().get(1).imageAuroc());
        assertTrue(Double.isNaN(s.strata().get(2).imageAuroc()));
        assertEquals(5.0 / 12, s.all().imageAuroc(), 1e-12);
        assertEquals(0.75, s.withinStratumAuroc(), 1e-12);
        assertEquals(4, s.withinStratumPairs());
        assertEquals(1, s.goodInSingleLabel());
        assertEquals(0, s.defectiveInSingleLabel());
        assertEquals((0.9f + 0.7f) / 2.0, s.strata().get(0).goodMeanScore(), 1e-7);
        assertEquals(0.25, s.strata().get(1).defectiveMeanScore(), 1e-7);
    }

    @Test
    void wholeMatchWithoutAGroupAndAStratumForUnmatchedIds() {
        assertEquals("s1_", ScoreStrata.stratum("p/good/s1_a.png", Pattern.compile("s[0-9]_")));
        assertEquals(ScoreStrata.NO_MATCH, ScoreStrata.stratum("p/good/x.png", Pattern.compile("/(s[0-9])_")));
    }

    @Test
    void printsOneTableOverEvaluations() {
        Path eval = tmp.resolve("A-real-seed-1");
        StructType schema = new StructType().add("id", DataTypes.StringType).add("gt_label", DataTypes.BooleanType)
                .add("pred_score", DataTypes.FloatType);
        List<Row> rows = IMAGES.stream().map(i -> RowFactory.create(i.id(), i.defective(), i.score())).toList();
        LocalSpark.get().createDataFrame(rows, schema).coalesce(1).write()
                .parquet(eval.resolve("scores.parquet").toString());

        ForgeRun r = ForgeRun.of("segmenter", "strata", "--by", "/(s[0-9])_", "--master", "local[1]", eval.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().map(String::strip).toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("A-real-seed-1\\s+s1\\s+2\\s+0\\.8000\\s+1\\s+0\\.8000\\s+50\\.00")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("A-real-seed-1\\s+s3\\s+1\\s+0\\.5000\\s+0\\s+-\\s+n/a")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("A-real-seed-1\\s+all\\s+4\\s+0\\.5500\\s+3\\s+0\\.4333\\s+41\\.67")),
                r.out());
        assertTrue(r.out().contains("A-real-seed-1: 1 of 4 good images (25.0 %) and 0 of 3 defective images (0.0 %) are "
                + "in strata without the other label; within-stratum image AUROC 75.00 over 4 good–defective pairs "
                + "(overall 41.67 over 12)"), r.out());
    }

    @Test
    void namesTheFolderWithoutScoresAndTheBadPattern() {
        ForgeRun missing = ForgeRun.of("segmenter", "strata", "--by", "x", tmp.resolve("nowhere").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("nowhere: no scores.parquet here"), missing.err());
        ForgeRun bad = ForgeRun.of("segmenter", "strata", "--by", "(exp", tmp.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--by '(exp' is not a regular expression"), bad.err());
    }
}
