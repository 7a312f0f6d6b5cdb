package org.anomalyforge.jobs.pairs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalyforge.ingest.image.ImageCodec;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Exports generated pairs as PNG files in MVTec layout so other tools can read them: anomalies to
 * {@code <product>/test/<defect>/<seed>.png} with {@code ground_truth/<defect>/<seed>_mask.png}, normal
 * images to {@code <product>/train/good/<seed>.png}. Executors write directly, so {@code out} must be a
 * folder every executor sees (always true in local mode).
 *
 * <p>With run metadata (SeaS), each pair also gets {@code <product>/meta/<defect|good>/<seed>.json} (seas.md §9.3):
 * product, defect type, kind, seed, guidance, generator run and mask area fraction, plus the run-wide settings
 * given (steps, sampler, …). MVTec readers ignore the {@code meta} folder.
 */
public final class MvtecExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MvtecExport() {}

    /** @return the number of pairs exported */
    public static long run(SparkSession spark, Path pairs, Path out) throws IOException {
        return run(spark, pairs, out, null);
    }

    /**
     * @param runMeta settings shared by every pair (e.g. {@code steps}, {@code sampler}) written into each
     *                {@code meta/…json} after the per-pair fields; null = no metadata files
     * @return the number of pairs exported
     */
    public static long run(SparkSession spark, Path pairs, Path out, Map<String, Object> runMeta) throws IOException {
        if (Files.exists(out)) {
            throw new IOException(out + ": already exists; choose a new export folder");
        }
        String root = out.toAbsolutePath().toString();
        LinkedHashMap<String, Object> shared = runMeta == null ? null : new LinkedHashMap<>(runMeta);
        org.apache.spark.sql.Dataset<Row> rows = PairTable.read(spark, pairs)
                .select(PairSchema.PRODUCT, PairSchema.DEFECT_TYPE, PairSchema.KIND, PairSchema.SEED,
                        PairSchema.IMAGE_PNG, PairSchema.MASK_PNG, PairSchema.GUIDANCE, PairSchema.GENERATOR_RUN);
        ForeachPartitionFunction<Row> write = it -> {
            ImageCodec codec = ImageCodec.withDefaults();
            while (it.hasNext()) {
                Row r = it.next();
                Path product = Path.of(root, r.getString(0));
                String name = Long.toString(r.getLong(3));
                boolean normal = PairSchema.NORMAL.equals(r.getString(2));
                if (normal) {
                    put(product.resolve("train/good").resolve(name + ".png"), (byte[]) r.get(4));
                } else {
                    put(product.resolve("test").resolve(r.getString(1)).resolve(name + ".png"), (byte[]) r.get(4));
                    put(product.resolve("ground_truth").resolve(r.getString(1)).resolve(name + "_mask.png"),
                            (byte[]) r.get(5));
                }
                if (shared != null) {
                    Path file = product.resolve("meta").resolve(normal ? "good" : r.getString(1)).resolve(name + ".json");
                    put(file, JSON.writeValueAsBytes(meta(r, codec, shared)));
                }
            }
        };
        rows.foreachPartition(write);
        return rows.count();
    }

    private static Map<String, Object> meta(Row r, ImageCodec codec, Map<String, Object> shared) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", r.getString(0));
        m.put("defect_type", r.getString(1));
        m.put("kind", r.getString(2));
        m.put("seed", r.getLong(3));
        m.put("guidance", r.isNullAt(6) ? null : r.getDouble(6));
        m.put("generator_run", r.getString(7));
        m.put("mask_area_fraction", codec.decodeMask((byte[]) r.get(5),
                r.getString(0) + "/" + r.getString(1) + " pair seed " + r.getLong(3)).mask().coverage());
        m.putAll(shared);
        return m;
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
