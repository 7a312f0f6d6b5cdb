package org.anomalyforge.jobs.pairs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Exports generated pairs as PNG files in MVTec layout so other tools can read them: anomalies to
 * {@code <product>/test/<defect>/<seed>.png} with {@code ground_truth/<defect>/<seed>_mask.png}, normal
 * images to {@code <product>/train/good/<seed>.png}. Executors write directly, so {@code out} must be a
 * folder every executor sees (always true in local mode).
 */
public final class MvtecExport {
    private MvtecExport() {}

    /** @return the number of pairs exported */
    public static long run(SparkSession spark, Path pairs, Path out) throws IOException {
        if (Files.exists(out)) {
            throw new IOException(out + ": already exists; choose a new export folder");
        }
        String root = out.toAbsolutePath().toString();
        org.apache.spark.sql.Dataset<Row> rows = spark.read().parquet(pairs.toString())
                .select(PairSchema.PRODUCT, PairSchema.DEFECT_TYPE, PairSchema.KIND, PairSchema.SEED,
                        PairSchema.IMAGE_PNG, PairSchema.MASK_PNG);
        ForeachPartitionFunction<Row> write = it -> {
            while (it.hasNext()) {
                Row r = it.next();
                Path product = Path.of(root, r.getString(0));
                String name = Long.toString(r.getLong(3));
                if (PairSchema.NORMAL.equals(r.getString(2))) {
                    put(product.resolve("train/good").resolve(name + ".png"), (byte[]) r.get(4));
                } else {
                    put(product.resolve("test").resolve(r.getString(1)).resolve(name + ".png"), (byte[]) r.get(4));
                    put(product.resolve("ground_truth").resolve(r.getString(1)).resolve(name + "_mask.png"),
                            (byte[]) r.get(5));
                }
            }
        };
        rows.foreachPartition(write);
        return rows.count();
    }

    private static void put(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write exported pair", e);
        }
    }
}
