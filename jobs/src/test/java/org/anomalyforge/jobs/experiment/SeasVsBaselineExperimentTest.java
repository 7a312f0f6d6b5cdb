package org.anomalyforge.jobs.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.ProgressListener;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.jobs.LocalSpark;
import org.anomalyforge.jobs.generator.PerlinSynthesizeJob;
import org.anomalyforge.jobs.segmenter.TrainSettings;
import org.anomalyforge.segmenter.LfdPreset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment end to end at smoke size: three arms trained and evaluated in Spark, then a rerun that reuses every
 * run and evaluation, then a rerun after one evaluation lost its metrics.json (a crash mid-evaluation), which
 * redoes only that evaluation. The "SeaS" arm gets a second Perlin set here: the plumbing, not SeaS, is under test.
 */
class SeasVsBaselineExperimentTest {

    /** Stratum = the image number: good 000–003 and held-out defects 002–005 (2 shots of 6) share 002 and 003. */
    private static final Pattern STRATA = Pattern.compile("/(\\d{3})\\.png$");

    @TempDir
    Path tmp;

    @Test
    void runsAllArmsThenResumesWithoutRedoingFinishedWork() throws Exception {
        SparkSession spark = LocalSpark.get();
        Path data = tmp.resolve("data");
        new SampleProductGenerator(ImageCodec.withDefaults()).write(data,
                new SampleSpec(List.of(ProductKind.METAL), 3, 128, 2, 4, 6), ProgressListener.NONE);
        Path seas = tmp.resolve("seas");
        PerlinSynthesizeJob.run(spark, new PerlinSynthesizeJob.Options(data, seas, List.of(), 2, 9, 64, 1));
        Path work = tmp.resolve("work");
        SeasVsBaselineExperiment.Options o = new SeasVsBaselineExperiment.Options(data, seas, null, 2, work, 2,
                new TrainSettings(LfdPreset.SMOKE.name(), 64, 4, 1, 2, null, null, null), List.of(1L), 64, STRATA);

        List<ArmResult> first = SeasVsBaselineExperiment.run(spark, o, (r, done, total) -> { });
        assertEquals(List.of(Arm.REAL, Arm.PERLIN, Arm.SEAS), first.stream().map(ArmResult::arm).toList());
        for (ArmResult r : first) {
            Path eval = work.resolve("eval").resolve(r.arm().folder() + "-seed-1");
            assertEquals(handCountedWithinStrata(spark, eval), r.withinStratumImageAuroc(), 1e-9, r.toString());
        }

        Path finished = work.resolve("eval").resolve(Arm.REAL.folder() + "-seed-1").resolve("metrics.json");
        FileTime written = Files.getLastModifiedTime(finished);
        List<ArmResult> again = SeasVsBaselineExperiment.run(spark, o, (r, done, total) -> { });
        assertEquals(strip(first), strip(again), "a rerun reuses every run (same run folders) and evaluation");
        assertEquals(written, Files.getLastModifiedTime(finished), "a finished evaluation is read, not redone");

        Path crashed = work.resolve("eval").resolve(Arm.PERLIN.folder() + "-seed-1");
        Files.delete(crashed.resolve("metrics.json"));
        List<ArmResult> resumed = SeasVsBaselineExperiment.run(spark, o, (r, done, total) -> { });
        assertTrue(Files.isRegularFile(crashed.resolve("metrics.json")), "the partial evaluation is redone");
        assertEquals(strip(first), strip(resumed), "inference is deterministic, so the redone evaluation agrees");
    }

    /** Everything but the wall time. */
    private static List<List<Object>> strip(List<ArmResult> results) {
        List<List<Object>> out = new ArrayList<>();
        for (ArmResult r : results) {
            out.add(List.of(r.arm(), r.seed(), r.runDir(), r.imageAuroc(), r.pixelAp(), r.iou(),
                    r.withinStratumImageAuroc()));
        }
        return out;
    }

    /** 100 × P(defective above good) over same-stratum pairs, ties ½, counted pair by pair. */
    private static double handCountedWithinStrata(SparkSession spark, Path eval) {
        Map<String, List<Row>> strata = new TreeMap<>();
        for (Row r : spark.read().parquet(eval.resolve("scores.parquet").toString()).collectAsList()) {
            Matcher m = STRATA.matcher(r.<String>getAs("id"));
            assertTrue(m.find(), r.toString());
            strata.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(r);
        }
        double concordant = 0;
        long pairs = 0;
        for (List<Row> rows : strata.values()) {
            for (Row d : rows) {
                for (Row g : rows) {
                    if (d.<Boolean>getAs("gt_label") && !g.<Boolean>getAs("gt_label")) {
                        float sd = d.getAs("pred_score");
                        float sg = g.getAs("pred_score");
                        concordant += sd > sg ? 1 : sd == sg ? 0.5 : 0;
                        pairs++;
                    }
                }
            }
        }
        assertTrue(pairs > 0, "strata 002 and 003 hold both labels");
        return 100 * concordant / pairs;
    }
}
