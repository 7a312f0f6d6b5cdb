package org.anomalyforge.jobs.pairs;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet schema of generated image–mask pairs (ARCHITECTURE.md, "Generated pairs"), shared by the
 * Perlin baseline and SeaS so that every consumer reads both the same way.
 */
public final class PairSchema {
    public static final String PRODUCT = "product";
    public static final String DEFECT_TYPE = "defect_type";
    /** {@value #ANOMALY} or {@value #NORMAL}. */
    public static final String KIND = "kind";
    public static final String SEED = "seed";
    public static final String IMAGE_PNG = "image_png";
    /** 0/255 PNG; all zero for normal images. */
    public static final String MASK_PNG = "mask_png";
    public static final String GENERATOR_RUN = "generator_run";
    /** Classifier-free guidance scale for SeaS; null for generators without guidance. */
    public static final String GUIDANCE = "guidance";
    public static final String CREATED_AT = "created_at";

    public static final String ANOMALY = "anomaly";
    public static final String NORMAL = "normal";

    public static final StructType SCHEMA = new StructType(new StructField[] {
        new StructField(PRODUCT, DataTypes.StringType, false, Metadata.empty()),
        new StructField(DEFECT_TYPE, DataTypes.StringType, false, Metadata.empty()),
        new StructField(KIND, DataTypes.StringType, false, Metadata.empty()),
        new StructField(SEED, DataTypes.LongType, false, Metadata.empty()),
        new StructField(IMAGE_PNG, DataTypes.BinaryType, false, Metadata.empty()),
        new StructField(MASK_PNG, DataTypes.BinaryType, false, Metadata.empty()),
        new StructField(GENERATOR_RUN, DataTypes.StringType, false, Metadata.empty()),
        new StructField(GUIDANCE, DataTypes.DoubleType, true, Metadata.empty()),
        new StructField(CREATED_AT, DataTypes.TimestampType, false, Metadata.empty()),
    });

    private PairSchema() {}
}
