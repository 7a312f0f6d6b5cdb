package org.anomalyforge.jobs.segmenter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.anomalyforge.ingest.dataset.DefectSplit;
import org.anomalyforge.ingest.dataset.FewShotSplit;
import org.anomalyforge.ingest.dataset.LabeledImage;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.dataset.ProductSplit;
import org.anomalyforge.jobs.pairs.PairSchema;
import org.anomalyforge.jobs.spark.LocalFiles;
import org.anomalyforge.segmenter.SampleOrigin;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The training set of the SeaS protocol as one DataFrame: the real few-shot shots with their masks, the
 * {@code train/good} normals, and any generated pairs (LFD spec §5.1). Columns: {@link #SCHEMA}.
 */
public final class TrainingInputs {
    public static final String GROUP = "group";
    public static final String ID = "id";
    public static final String ORIGIN = "origin";

    /** group (model key), id, origin, defect_type (nullable), image, mask (nullable). */
    public static final StructType SCHEMA = new StructType()
            .add(GROUP, DataTypes.StringType, false)
            .add(ID, DataTypes.StringType, false)
            .add(ORIGIN, DataTypes.StringType, false)
            .add(PairSchema.DEFECT_TYPE, DataTypes.StringType, true)
            .add("image", DataTypes.BinaryType, false)
            .add("mask", DataTypes.BinaryType, true);

    private static final StructType FILE_PLAN = new StructType()
            .add(GROUP, DataTypes.StringType, false)
            .add(ID, DataTypes.StringType, false)
            .add(ORIGIN, DataTypes.StringType, false)
            .add(PairSchema.DEFECT_TYPE, DataTypes.StringType, true)
            .add("image_path", DataTypes.StringType, false)
            .add("mask_path", DataTypes.StringType, true);

    private TrainingInputs() {}

    /**
     * @param unified  model key shared by all products (one unified model), or null for one model per product
     * @param maxShots cap on real shots per defect type
     * @param pairs    Parquet folders of generated pairs (may be empty)
     */
    public static Dataset<Row> load(SparkSession spark, List<Product> products, String unified,
                                    OptionalInt maxShots, List<Path> pairs) {
        List<Row> plan = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        for (Product product : products) {
            String group = unified != null ? unified : product.name();
            ProductSplit split = FewShotSplit.of(product, maxShots);
            for (Path normal : split.normals()) {
                plan.add(RowFactory.create(group, product.name() + "/train/good/" + normal.getFileName(),
                        SampleOrigin.NORMAL.name(), null, LocalFiles.key(normal), null));
            }
            for (DefectSplit defect : split.defects()) {
                for (LabeledImage shot : defect.shots()) {
                    Path mask = shot.mask().orElseThrow(() -> new IllegalArgumentException(shot.image()
                            + ": training shot without a mask; run 'forge dataset check' on the dataset"));
                    plan.add(RowFactory.create(group, product.name() + "/" + defect.defectType() + "/"
                                    + shot.image().getFileName(), SampleOrigin.REAL_SHOT.name(), defect.defectType(),
                            LocalFiles.key(shot.image()), LocalFiles.key(mask)));
                }
            }
            folders.add(product.root().resolve("train/good"));
            folders.add(product.root().resolve("test"));
            folders.add(product.root().resolve("ground_truth"));
        }
        Dataset<Row> files = LocalFiles.read(spark, folders);
        Dataset<Row> images = files.select(col(LocalFiles.PATH).as("i_path"), col(LocalFiles.CONTENT).as("image"));
        Dataset<Row> masks = files.select(col(LocalFiles.PATH).as("m_path"), col(LocalFiles.CONTENT).as("mask"));
        Dataset<Row> real = spark.createDataFrame(plan, FILE_PLAN)
                .join(images, col("image_path").equalTo(col("i_path")))
                .join(masks, col("mask_path").equalTo(col("m_path")), "left")
                .select(col(GROUP), col(ID), col(ORIGIN), col(PairSchema.DEFECT_TYPE), col("image"), col("mask"));
        if (pairs.isEmpty()) {
            return real;
        }
        List<String> names = products.stream().map(Product::name).toList();
        Dataset<Row> generated = org.anomalyforge.jobs.pairs.PairTable.read(spark, pairs)
                .where(col(PairSchema.PRODUCT).isin(names.toArray()));
        // Generated normals train as normals; generated anomalies carry their defect type.
        Dataset<Row> gen = generated.select(
                col(PairSchema.PRODUCT).as("p"),
                org.apache.spark.sql.functions.concat_ws("/", col(PairSchema.PRODUCT), lit("generated"),
                        col(PairSchema.GENERATOR_RUN), col(PairSchema.SEED).cast("string")).as(ID),
                org.apache.spark.sql.functions.when(col(PairSchema.KIND).equalTo(PairSchema.NORMAL),
                        lit(SampleOrigin.NORMAL.name())).otherwise(lit(SampleOrigin.GENERATED.name())).as(ORIGIN),
                org.apache.spark.sql.functions.when(col(PairSchema.KIND).equalTo(PairSchema.NORMAL), lit(null))
                        .otherwise(col(PairSchema.DEFECT_TYPE)).as(PairSchema.DEFECT_TYPE),
                col(PairSchema.IMAGE_PNG).as("image"),
                org.apache.spark.sql.functions.when(col(PairSchema.KIND).equalTo(PairSchema.NORMAL), lit(null))
                        .otherwise(col(PairSchema.MASK_PNG)).as("mask"));
        org.apache.spark.api.java.function.MapFunction<Row, Row> regroup = r -> RowFactory.create(
                unified != null ? unified : r.getString(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5));
        return real.union(gen.map(regroup, org.apache.spark.sql.Encoders.row(SCHEMA)));
    }
}
