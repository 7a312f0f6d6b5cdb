package org.anomalyforge.jobs.generator;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.anomalyforge.generator.SeasFinetuneRequest;
import org.anomalyforge.ingest.dataset.FewShotSplit;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.store.Sha256;
import org.anomalyforge.jobs.pairs.PairSchema;
import org.anomalyforge.jobs.spark.LocalFiles;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The driver's plan of a SeaS synthesize run: every pair to generate, in a fixed order (defect types in the model's
 * order, then the normal images), each with its seed {@code PairSeeds.of(seed, product, type, i)} and its reference
 * normal image {@code pool[i mod |pool|]} (refPolicy CYCLE, seas.md §9.2). The order is a pure function of the
 * recorded settings, so chunk k holds the same pairs on every run and a resume can skip committed chunks.
 */
final class SeasSynthesisPlan {
    /** Defect type of normal images in the pairs table. */
    static final String GOOD = "good";

    /** Columns of the rows {@link SeasPairPartition} receives. */
    static final int COL_SEQ = 0;
    static final int COL_DEFECT_TYPE = 1;
    static final int COL_KIND = 2;
    static final int COL_SEED = 3;
    static final int COL_CONTENT = 4;

    static final StructType TASK = new StructType()
            .add("seq", DataTypes.IntegerType, false)
            .add(PairSchema.DEFECT_TYPE, DataTypes.StringType, false)
            .add(PairSchema.KIND, DataTypes.StringType, false)
            .add(PairSchema.SEED, DataTypes.LongType, false)
            .add("ref_key", DataTypes.StringType, false)
            .add("part", DataTypes.IntegerType, false);

    /** One planned pair; {@code refKey} is the reference's {@link LocalFiles#key}. */
    record Item(int seq, String defectType, String kind, long seed, String refKey) {}

    private final List<Item> items;
    private final int chunkPairs;
    private final int partitions;

    private SeasSynthesisPlan(List<Item> items, int chunkPairs, int partitions) {
        this.items = List.copyOf(items);
        this.chunkPairs = chunkPairs;
        this.partitions = partitions;
    }

    /**
     * The reference normal images of {@code product} in pool order: its few-shot normals, at most
     * {@link SeasFinetuneRequest#MAX_NORMALS} (the images the generator was fine-tuned on).
     */
    static List<Path> referencePool(Product product) {
        List<Path> normals = FewShotSplit.of(product, OptionalInt.empty()).normals();
        if (normals.isEmpty()) {
            throw new IllegalArgumentException(product.root().resolve("train/good")
                    + ": no normal images to start generation from");
        }
        return normals.subList(0, Math.min(SeasFinetuneRequest.MAX_NORMALS, normals.size()));
    }

    /** The reference of the i-th pair of a type (refPolicy CYCLE). */
    static Path reference(List<Path> pool, int i) {
        return pool.get(i % pool.size());
    }

    /** @param pool the reference normal images, in pool order */
    static SeasSynthesisPlan of(SeasSynthesisSettings s, List<String> defectTypes, List<Path> pool) {
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("no reference normal images for product '" + s.product() + "'");
        }
        List<Item> items = new ArrayList<>();
        for (String type : defectTypes) {
            for (int i = 0; i < s.perType(); i++) {
                items.add(new Item(items.size(), type, PairSchema.ANOMALY, PairSeeds.of(s.seed(), s.product(), type, i),
                        LocalFiles.key(reference(pool, i))));
            }
        }
        for (int i = 0; i < s.normals(); i++) {
            items.add(new Item(items.size(), GOOD, PairSchema.NORMAL, PairSeeds.of(s.seed(), s.product(), GOOD, i),
                    LocalFiles.key(reference(pool, i))));
        }
        return new SeasSynthesisPlan(items, s.chunkPairs(), s.partitions());
    }

    /** Number and SHA-256 of the pool's file names in order, e.g. {@code "60:3fa9…"}: a changed pool changes plans. */
    static String poolFingerprint(List<Path> pool) {
        MessageDigest d = Sha256.digest();
        for (Path p : pool) {
            d.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
        }
        return pool.size() + ":" + HexFormat.of().formatHex(d.digest());
    }

    List<Item> items() {
        return items;
    }

    int chunks() {
        return (items.size() + chunkPairs - 1) / chunkPairs;
    }

    List<Item> chunk(int k) {
        return items.subList(k * chunkPairs, Math.min(items.size(), (k + 1) * chunkPairs));
    }

    /**
     * Chunk k's tasks joined to their reference bytes (read by the executors), partition p holding exactly the
     * contiguous slice p of the chunk (an Integer key's hash is itself, so the hash partitioner puts slice p in
     * partition p): rows seq, defect_type, kind, seed, content, in no particular order inside a partition.
     */
    JavaRDD<Row> tasks(SparkSession spark, int k) {
        List<Item> chunk = chunk(k);
        int parts = Math.min(partitions, chunk.size());
        int slice = (chunk.size() + parts - 1) / parts;
        List<Row> rows = new ArrayList<>();
        Set<Path> refs = new LinkedHashSet<>();
        for (int i = 0; i < chunk.size(); i++) {
            Item it = chunk.get(i);
            rows.add(RowFactory.create(it.seq(), it.defectType(), it.kind(), it.seed(), it.refKey(), i / slice));
            refs.add(Path.of(it.refKey()));
        }
        Dataset<Row> joined = spark.createDataFrame(rows, TASK)
                .join(LocalFiles.read(spark, refs), col("ref_key").equalTo(col(LocalFiles.PATH)))
                .select(col("part"), col("seq"), col(PairSchema.DEFECT_TYPE), col(PairSchema.KIND),
                        col(PairSchema.SEED), col(LocalFiles.CONTENT));
        PairFunction<Row, Integer, Row> byPart = r -> new Tuple2<>(r.getInt(0),
                RowFactory.create(r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)));
        return joined.javaRDD().mapToPair(byPart).partitionBy(new HashPartitioner(parts)).values();
    }
}
