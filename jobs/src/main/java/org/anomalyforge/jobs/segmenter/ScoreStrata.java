package org.anomalyforge.jobs.segmenter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anomalyforge.segmenter.metrics.Auroc;
import org.anomalyforge.segmenter.metrics.ExactScoreDistribution;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Held-out image scores grouped by a stratum read from each image id (an acquisition group, camera, line or lot
 * encoded in the file name). It answers one question: does the image AUROC measure defects, or which stratum an
 * image came from? When good and defective images come from different strata, a model that only recognises the
 * stratum still gets an extreme AUROC. The within-stratum AUROC compares good and defective images of the same
 * stratum only, so it is free of that confound.
 */
public final class ScoreStrata {

    /** The stratum of ids that the pattern does not match. */
    public static final String NO_MATCH = "(no match)";

    /** One scored held-out image: {@code id} as in scores.parquet, {@code defective} = gt_label. */
    public record ScoredImage(String id, boolean defective, float score) {}

    /**
     * One stratum's images.
     *
     * @param imageAuroc AUROC of the stratum's images, NaN without both labels
     */
    public record Stratum(String name, long good, double goodMeanScore, long defective, double defectiveMeanScore,
            double imageAuroc) {

        long pairs() {
            return good * defective;
        }
    }

    /**
     * @param strata                 sorted by name
     * @param all                    every image, whatever its stratum
     * @param goodInSingleLabel      good images in strata that hold no defective image
     * @param defectiveInSingleLabel defective images in strata that hold no good image
     * @param withinStratumAuroc     P(defective scores above good) over good–defective pairs of one stratum (ties ½),
     *                               NaN when no stratum holds both labels
     * @param withinStratumPairs     the number of such pairs
     */
    public record Summary(List<Stratum> strata, Stratum all, long goodInSingleLabel, long defectiveInSingleLabel,
            double withinStratumAuroc, long withinStratumPairs) {}

    private ScoreStrata() {}

    /**
     * Groups {@code images} by {@code by}: its first capture group if it has one, else the whole match, found
     * anywhere in the id ({@link Matcher#find()}); ids without a match form {@link #NO_MATCH}.
     */
    public static Summary of(List<ScoredImage> images, Pattern by) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no scored images to stratify");
        }
        Map<String, List<ScoredImage>> groups = new TreeMap<>();
        for (ScoredImage image : images) {
            groups.computeIfAbsent(stratum(image.id(), by), k -> new ArrayList<>()).add(image);
        }
        List<Stratum> strata = new ArrayList<>();
        long goodAlone = 0;
        long defectiveAlone = 0;
        double concordant = 0;
        long pairs = 0;
        for (Map.Entry<String, List<ScoredImage>> g : groups.entrySet()) {
            Stratum s = stratumOf(g.getKey(), g.getValue());
            strata.add(s);
            goodAlone += s.defective() == 0 ? s.good() : 0;
            defectiveAlone += s.good() == 0 ? s.defective() : 0;
            if (s.pairs() > 0) {
                concordant += s.imageAuroc() * s.pairs();
                pairs += s.pairs();
            }
        }
        return new Summary(List.copyOf(strata), stratumOf("all", images), goodAlone, defectiveAlone,
                pairs == 0 ? Double.NaN : concordant / pairs, pairs);
    }

    /** The id, gt_label and pred_score columns of a scores.parquet written by {@code segmenter evaluate}. */
    public static List<ScoredImage> read(SparkSession spark, Path file) {
        var frame = spark.read().parquet(file.toString());
        List<String> columns = Arrays.asList(frame.columns());
        for (String required : List.of("id", "gt_label", "pred_score")) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException(file + ": column '" + required + "' is missing (found " + columns
                        + "); is this the scores.parquet of 'forge segmenter evaluate'?");
            }
        }
        List<ScoredImage> images = new ArrayList<>();
        for (Row r : frame.select("id", "gt_label", "pred_score").collectAsList()) {
            if (r.anyNull()) {
                throw new IllegalArgumentException(file + ": a row has a null id, gt_label or pred_score: " + r);
            }
            images.add(new ScoredImage(r.getString(0), r.getBoolean(1), r.getFloat(2)));
        }
        return images;
    }

    static String stratum(String id, Pattern by) {
        Matcher m = by.matcher(id);
        if (!m.find()) {
            return NO_MATCH;
        }
        return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }

    private static Stratum stratumOf(String name, List<ScoredImage> images) {
        ExactScoreDistribution scores = new ExactScoreDistribution();
        long good = 0;
        long defective = 0;
        double goodSum = 0;
        double defectiveSum = 0;
        for (ScoredImage image : images) {
            scores.add(image.score(), image.defective() ? 1 : 0);
            if (image.defective()) {
                defective++;
                defectiveSum += image.score();
            } else {
                good++;
                goodSum += image.score();
            }
        }
        return new Stratum(name, good, good == 0 ? Double.NaN : goodSum / good, defective,
                defective == 0 ? Double.NaN : defectiveSum / defective, Auroc.compute(scores.tieGroups()));
    }
}
