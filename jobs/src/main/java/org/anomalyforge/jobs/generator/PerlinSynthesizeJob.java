package org.anomalyforge.jobs.generator;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.anomalyforge.generator.baseline.AugmentedAnomalySource;
import org.anomalyforge.generator.baseline.PerlinAnomalyGenerator;
import org.anomalyforge.generator.baseline.PerlinConfig;
import org.anomalyforge.generator.baseline.ProceduralTextureSource;
import org.anomalyforge.generator.baseline.SyntheticPair;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.DefectSplit;
import org.anomalyforge.ingest.dataset.FewShotSplit;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.dataset.ProductSplit;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.Interpolation;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.jobs.pairs.PairSchema;
import org.anomalyforge.jobs.spark.SparkTaskProgress;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * The "no diffusion" baseline as a Spark job: DRAEM-style Perlin pairs, partitioned over seeds.
 *
 * <p>The driver only plans: one task row per pair (product, defect type, seed, normal image name), with
 * seeds derived from the base seed so every pair is reproducible on its own. Normal images are read
 * with Spark's {@code binaryFile} source and joined to the tasks, so executors need no access to the
 * driver's file system. Each partition builds one generator and writes rows of {@link PairSchema}.
 */
public final class PerlinSynthesizeJob {

    /**
     * @param data     dataset root or product folder (MVTec layout)
     * @param out      Parquet folder to create; must not exist
     * @param products products to generate for; empty = all
     * @param perType  pairs per defect type
     * @param seed     base seed
     * @param size     side of the square output images
     */
    public record Options(Path data, Path out, List<String> products, int perType, long seed, int size,
                          int partitions) {
        public Options {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(out, "out");
            products = List.copyOf(products);
            if (perType < 1) {
                throw new IllegalArgumentException("perType must be at least 1, got " + perType);
            }
            if (size < 32 || size > 2048) {
                throw new IllegalArgumentException("size must be in 32..2048, got " + size);
            }
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions must be ≥ 0 (0 = automatic), got " + partitions);
            }
        }
    }

    /** What was written: pair counts per product and defect type, in sorted order. */
    public record Summary(String generatorRun, List<Count> counts, long total) {
        public record Count(String product, String defectType, long pairs) {}
    }

    private static final StructType TASK_SCHEMA = new StructType()
            .add(PairSchema.PRODUCT, DataTypes.StringType, false)
            .add(PairSchema.DEFECT_TYPE, DataTypes.StringType, false)
            .add(PairSchema.SEED, DataTypes.LongType, false)
            .add("normal_name", DataTypes.StringType, false);

    private PerlinSynthesizeJob() {}

    public static Summary run(SparkSession spark, Options o) throws IOException {
        if (java.nio.file.Files.exists(o.out())) {
            throw new IOException(o.out() + ": already exists; choose a new --out (existing pairs are never overwritten)");
        }
        Dataset dataset = new MvtecDatasetReader().read(o.data());
        List<Product> products = GeneratorInputs.select(dataset, o.products());
        List<Row> tasks = new ArrayList<>();
        List<String> normalDirs = new ArrayList<>();
        for (Product product : products) {
            ProductSplit split = FewShotSplit.of(product, OptionalInt.empty());
            if (split.normals().isEmpty()) {
                throw new IOException(product.root().resolve("train/good") + ": no normal images to blend defects into");
            }
            normalDirs.add(product.root().resolve("train/good").toUri().toString());
            for (DefectSplit defect : split.defects()) {
                for (int i = 0; i < o.perType(); i++) {
                    long seed = PairSeeds.of(o.seed(), product.name(), defect.defectType(), i);
                    Path normal = split.normals().get((int) Math.floorMod(seed, (long) split.normals().size()));
                    tasks.add(RowFactory.create(product.name(), defect.defectType(), seed,
                            normal.getFileName().toString()));
                }
            }
        }
        int partitions = o.partitions() > 0 ? o.partitions()
                : Math.max(spark.sparkContext().defaultParallelism(), (tasks.size() + 15) / 16);

        // Normal images as (product, normal_name, content), read where the data lives.
        org.apache.spark.sql.Dataset<Row> normals = null;
        for (int i = 0; i < products.size(); i++) {
            org.apache.spark.sql.Dataset<Row> one = spark.read().format("binaryFile").load(normalDirs.get(i))
                    .select(lit(products.get(i).name()).as("n_product"),
                            element_at(split(col("path"), "/"), -1).as("n_name"), col("content"));
            normals = normals == null ? one : normals.union(one);
        }
        org.apache.spark.sql.Dataset<Row> planned = spark.createDataFrame(tasks, TASK_SCHEMA)
                .join(normals, col(PairSchema.PRODUCT).equalTo(col("n_product"))
                        .and(col("normal_name").equalTo(col("n_name"))))
                .select(PairSchema.PRODUCT, PairSchema.DEFECT_TYPE, PairSchema.SEED, "content")
                .repartition(partitions);

        String run = "perlin-seed" + o.seed() + "-" + Instant.now().getEpochSecond();
        LongAccumulator written = spark.sparkContext().longAccumulator("pairs");
        int size = o.size();
        MapPartitionsFunction<Row, Row> generate = rows -> new PairIterator(rows, size, run, written);
        try (SparkTaskProgress ignored = SparkTaskProgress.start(spark, "perlin", tasks.size(), "pair", "pairs")) {
            planned.mapPartitions(generate, Encoders.row(PairSchema.SCHEMA))
                    .write().mode(SaveMode.ErrorIfExists).parquet(o.out().toString());
        }
        List<Summary.Count> counts = spark.read().parquet(o.out().toString())
                .groupBy(PairSchema.PRODUCT, PairSchema.DEFECT_TYPE).count()
                .orderBy(PairSchema.PRODUCT, PairSchema.DEFECT_TYPE).collectAsList().stream()
                .map(r -> new Summary.Count(r.getString(0), r.getString(1), r.getLong(2))).toList();
        long total = counts.stream().mapToLong(Summary.Count::pairs).sum();
        if (total != tasks.size()) {
            throw new IllegalStateException("planned " + tasks.size() + " pairs but " + total + " were written to "
                    + o.out());
        }
        return new Summary(run, counts, total);
    }

    /** Generates the pairs of one partition lazily, one generator per partition. */
    private static final class PairIterator implements Iterator<Row> {
        private final Iterator<Row> tasks;
        private final int size;
        private final String run;
        private final LongAccumulator written;
        private final ImageCodec codec = ImageCodec.withDefaults();
        private final PerlinAnomalyGenerator generator = new PerlinAnomalyGenerator(PerlinConfig.draem(),
                AugmentedAnomalySource.draem(ProceduralTextureSource.allPatterns()));
        private final Timestamp createdAt = Timestamp.from(Instant.now());

        PairIterator(Iterator<Row> tasks, int size, String run, LongAccumulator written) {
            this.tasks = tasks;
            this.size = size;
            this.run = run;
            this.written = written;
        }

        @Override
        public boolean hasNext() {
            return tasks.hasNext();
        }

        @Override
        public Row next() {
            Row t = tasks.next();
            String product = t.getString(0);
            String defect = t.getString(1);
            long seed = t.getLong(2);
            RgbImage normal;
            try {
                normal = codec.decode((byte[]) t.get(3), product + "/train/good (pair seed " + seed + ")");
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            Interpolation filter = normal.width() > size ? Interpolation.AREA : Interpolation.BILINEAR;
            SyntheticPair pair = generator.generate(ImageCodec.resize(normal, size, size, filter), seed);
            written.add(1);
            return RowFactory.create(product, defect, PairSchema.ANOMALY, seed, codec.encodePng(pair.image()),
                    codec.encodeMaskPng(pair.mask()), run, null, createdAt);
        }
    }
}
