package org.anomalyforge.jobs.segmenter;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.anomalyforge.ingest.dataset.DefectSplit;
import org.anomalyforge.ingest.dataset.FewShotSplit;
import org.anomalyforge.ingest.dataset.LabeledImage;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.dataset.ProductSplit;
import org.anomalyforge.jobs.spark.LocalFiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The held-out evaluation set of the few-shot protocol as a DataFrame: per defect type the last
 * n − ⌊n/3⌋ images with their masks, plus every {@code test/good} image. Never used for training or
 * selection. Columns: product, id, defect_type ("good" for normals), image, mask (null for normals).
 */
public final class HeldOutImages {
    public static final String GOOD = "good";

    private static final StructType PLAN = new StructType()
            .add("product", DataTypes.StringType, false).add("id", DataTypes.StringType, false)
            .add("defect_type", DataTypes.StringType, false)
            .add("image_path", DataTypes.StringType, false).add("mask_path", DataTypes.StringType, true);

    private HeldOutImages() {}

    public static Dataset<Row> load(SparkSession spark, List<Product> products) {
        List<Row> plan = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        for (Product product : products) {
            ProductSplit split = FewShotSplit.of(product, java.util.OptionalInt.empty());
            for (Path good : split.testGood()) {
                plan.add(RowFactory.create(product.name(), product.name() + "/good/" + good.getFileName(), GOOD,
                        LocalFiles.key(good), null));
            }
            for (DefectSplit defect : split.defects()) {
                for (LabeledImage li : defect.heldOut()) {
                    Path mask = li.mask().orElseThrow(() -> new IllegalArgumentException(li.image()
                            + ": held-out image without a mask; run 'forge dataset check' on the dataset"));
                    plan.add(RowFactory.create(product.name(), product.name() + "/" + defect.defectType() + "/"
                            + li.image().getFileName(), defect.defectType(), LocalFiles.key(li.image()),
                            LocalFiles.key(mask)));
                }
            }
            folders.add(product.root().resolve("test"));
            folders.add(product.root().resolve("ground_truth"));
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("no held-out images in " + products.stream().map(Product::root).toList());
        }
        Dataset<Row> files = LocalFiles.read(spark, folders);
        return spark.createDataFrame(plan, PLAN)
                .join(files.select(col(LocalFiles.PATH).as("i_path"), col(LocalFiles.CONTENT).as("image")),
                        col("image_path").equalTo(col("i_path")))
                .join(files.select(col(LocalFiles.PATH).as("m_path"), col(LocalFiles.CONTENT).as("mask")),
                        col("mask_path").equalTo(col("m_path")), "left")
                .select("product", "id", "defect_type", "image", "mask");
    }
}
