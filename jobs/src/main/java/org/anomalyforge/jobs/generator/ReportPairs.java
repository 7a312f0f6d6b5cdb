package org.anomalyforge.jobs.generator;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anomalyforge.generator.quality.QualityReport;
import org.anomalyforge.jobs.pairs.PairSchema;
import org.anomalyforge.jobs.pairs.PairTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Brings the generated pairs the report scores to the driver: per product and row (the defect type, or
 * {@value QualityReport#GOOD} for every {@code kind = normal} pair) at most {@code maxImages} pairs.
 *
 * <p>Generation order is ascending seed: the pair schema has no sequence number and every generator derives
 * its seeds from the pair index. A row with more pairs than the cap keeps the pairs at positions ⌊k·n/N⌋,
 * k = 0 … N−1, of that order, so the subsample is deterministic and spread over the whole seed range. Only the
 * (product, row, seed) keys of all pairs reach the driver first; image bytes only for the chosen ones.
 */
final class ReportPairs {
    private static final String ROW = "report_row";

    /** One chosen pair with its encoded image and mask. */
    record Pair(long seed, byte[] imagePng, byte[] maskPng) {}

    /**
     * @param pairs     product → row → chosen pairs in generation order
     * @param available product → row → pairs in the Parquet before subsampling
     */
    record Selection(Map<String, Map<String, List<Pair>>> pairs, Map<String, Map<String, Long>> available) {}

    private static final StructType KEYS = new StructType()
            .add("k_product", DataTypes.StringType, false)
            .add("k_row", DataTypes.StringType, false)
            .add("k_seed", DataTypes.LongType, false);

    private ReportPairs() {}

    static Selection collect(SparkSession spark, Path pairs, int maxImages) {
        Dataset<Row> all = PairTable.read(spark, pairs)
                .withColumn(ROW, when(col(PairSchema.KIND).equalTo(PairSchema.NORMAL), lit(QualityReport.GOOD))
                        .otherwise(col(PairSchema.DEFECT_TYPE)));
        Map<String, Map<String, List<Long>>> seeds = new TreeMap<>();
        for (Row r : all.select(PairSchema.PRODUCT, ROW, PairSchema.SEED, PairSchema.KIND).collectAsList()) {
            String kind = r.getString(3);
            if (!PairSchema.ANOMALY.equals(kind) && !PairSchema.NORMAL.equals(kind)) {
                throw new IllegalArgumentException(pairs + ": pair " + r.getString(0) + "/" + r.getString(1) + " seed "
                        + r.getLong(2) + " has kind '" + kind + "'; expected '" + PairSchema.ANOMALY + "' or '"
                        + PairSchema.NORMAL + "'");
            }
            seeds.computeIfAbsent(r.getString(0), p -> new TreeMap<>())
                    .computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add(r.getLong(2));
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException(pairs + ": holds no pairs");
        }
        List<Row> chosen = new ArrayList<>();
        Map<String, Map<String, Long>> available = new TreeMap<>();
        seeds.forEach((product, rows) -> rows.forEach((row, list) -> {
            list.sort(Comparator.naturalOrder());
            available.computeIfAbsent(product, p -> new TreeMap<>()).put(row, (long) list.size());
            for (long seed : spread(list, maxImages)) {
                chosen.add(RowFactory.create(product, row, seed));
            }
        }));
        Dataset<Row> keys = spark.createDataFrame(chosen, KEYS).distinct();
        List<Row> rows = all.join(keys, col(PairSchema.PRODUCT).equalTo(col("k_product"))
                        .and(col(ROW).equalTo(col("k_row"))).and(col(PairSchema.SEED).equalTo(col("k_seed"))))
                .select(PairSchema.PRODUCT, ROW, PairSchema.SEED, PairSchema.IMAGE_PNG, PairSchema.MASK_PNG)
                .collectAsList();
        Map<String, Map<String, List<Pair>>> out = new TreeMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.getString(0), p -> new TreeMap<>()).computeIfAbsent(r.getString(1),
                    t -> new ArrayList<>()).add(new Pair(r.getLong(2), (byte[]) r.get(3), (byte[]) r.get(4)));
        }
        // A seed repeated within a row joins once per copy; the cap still holds.
        out.values().forEach(m -> m.replaceAll((row, list) -> {
            list.sort(Comparator.comparingLong(Pair::seed));
            return List.copyOf(list.subList(0, Math.min(maxImages, list.size())));
        }));
        return new Selection(out, available);
    }

    /** The items at positions ⌊k·n/N⌋, k = 0 … N−1, or all when n ≤ N. */
    static <T> List<T> spread(List<T> items, int max) {
        int n = items.size();
        if (n <= max) {
            return List.copyOf(items);
        }
        List<T> picked = new ArrayList<>(max);
        for (int k = 0; k < max; k++) {
            picked.add(items.get((int) ((long) k * n / max)));
        }
        return picked;
    }
}
