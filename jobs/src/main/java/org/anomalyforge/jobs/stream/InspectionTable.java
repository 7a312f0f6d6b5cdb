package org.anomalyforge.jobs.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Reads the verdict table of {@link InspectionStream}: one row per (camera, frame index) — if a camera
 * re-sent an index, the earliest batch's verdict is kept — and summarises latency and throughput.
 */
public final class InspectionTable {

    /** Per-camera summary: frames, defects, capture→verdict latency percentiles (ms), sustained frames/s. */
    public record CameraSummary(String camera, long frames, long defects, double p50, double p95, double p99,
                                double framesPerSecond) {}

    private InspectionTable() {}

    /** The verdicts, deduplicated by (camera, frame_index); empty if the stream wrote nothing yet. */
    public static Dataset<Row> verdicts(SparkSession spark, Path out) {
        Path dir = out.resolve("verdicts");
        // Explicit schema: a batch without frames writes no Parquet file to infer one from.
        Dataset<Row> all = spark.read().schema(InspectionSchema.VERDICT_TABLE).parquet(dir.toAbsolutePath().toString());
        return all.withColumn("_rank", row_number().over(Window.partitionBy("camera", "frame_index").orderBy("batch")))
                .where(col("_rank").equalTo(1)).drop("_rank");
    }

    /** Dead letters written so far (all batches). */
    public static Dataset<Row> deadLetters(SparkSession spark, Path out) {
        return spark.read().schema(InspectionSchema.DLQ_TABLE).parquet(out.resolve("dlq").toAbsolutePath().toString());
    }

    public static boolean exists(Path out) {
        return Files.isDirectory(out.resolve("verdicts"));
    }

    /** Summaries per camera, sorted by camera, plus an "all" row. */
    public static List<CameraSummary> summarise(SparkSession spark, Path out) {
        List<Row> rows = verdicts(spark, out).select("camera", "latency_ms", "processed_at_us", "verdict")
                .collectAsList();
        Map<String, List<Row>> byCamera = new TreeMap<>();
        for (Row r : rows) {
            byCamera.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
        }
        List<CameraSummary> result = new ArrayList<>();
        byCamera.forEach((camera, rs) -> result.add(summary(camera, rs)));
        if (!rows.isEmpty()) {
            result.add(summary("all", rows));
        }
        return result;
    }

    private static CameraSummary summary(String camera, List<Row> rows) {
        double[] latency = rows.stream().mapToDouble(r -> r.getDouble(1)).sorted().toArray();
        long first = rows.stream().mapToLong(r -> r.getLong(2)).min().orElse(0);
        long last = rows.stream().mapToLong(r -> r.getLong(2)).max().orElse(0);
        long defects = rows.stream().filter(r -> "defect".equals(r.getString(3))).count();
        double seconds = (last - first) / 1e6;
        return new CameraSummary(camera, rows.size(), defects, percentile(latency, 50), percentile(latency, 95),
                percentile(latency, 99), seconds > 0 ? (rows.size() - 1) / seconds : Double.NaN);
    }

    /** Nearest-rank percentile of sorted values (NaN if empty). */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
