package org.anomalyforge.jobs.stream;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows one micro-batch produces: a verdict per valid frame, or a dead letter per rejected record
 * ({@link #KIND}), in one schema so inference runs once and both sinks read the same cached result.
 */
final class InspectionSchema {
    static final String KIND = "kind";
    static final String VERDICT_ROW = "verdict";
    static final String DLQ_ROW = "dlq";

    /** Kafka's header column type: array&lt;struct&lt;key: string, value: binary&gt;&gt;. */
    static final ArrayType HEADERS = DataTypes.createArrayType(new StructType()
            .add("key", DataTypes.StringType).add("value", DataTypes.BinaryType));

    static final StructType RESULT = new StructType()
            .add(KIND, DataTypes.StringType, false)
            .add("camera", DataTypes.StringType)
            .add("product", DataTypes.StringType)
            .add("frame_index", DataTypes.LongType)
            .add("captured_at_us", DataTypes.LongType)
            .add("processed_at_us", DataTypes.LongType)
            .add("latency_ms", DataTypes.DoubleType)
            .add("score", DataTypes.FloatType)
            .add("defect_area_px", DataTypes.LongType)
            .add("verdict", DataTypes.StringType)
            .add("mask_png", DataTypes.BinaryType)
            .add("model_run", DataTypes.StringType)
            .add("source_partition", DataTypes.IntegerType)
            .add("source_offset", DataTypes.LongType)
            .add("dlq_key", DataTypes.StringType)
            .add("dlq_value", DataTypes.BinaryType)
            .add("dlq_headers", HEADERS)
            .add("dlq_reason", DataTypes.StringType);

    /** Columns of the verdict table (Parquet) and of the inspections topic's JSON. */
    static final String[] VERDICT_COLUMNS = {"camera", "product", "frame_index", "captured_at_us", "processed_at_us",
        "latency_ms", "score", "defect_area_px", "verdict", "mask_png", "model_run"};

    /** Columns of the dead-letter audit table (Parquet). */
    static final String[] DLQ_COLUMNS = {"source_partition", "source_offset", "dlq_key", "dlq_value", "dlq_headers",
        "dlq_reason"};

    /** The verdict table as read back: the verdict columns plus the {@code batch} partition column. */
    static final StructType VERDICT_TABLE = table(VERDICT_COLUMNS);

    /** The dead-letter table as read back, with {@code batch}. */
    static final StructType DLQ_TABLE = table(DLQ_COLUMNS);

    private static StructType table(String[] columns) {
        StructType t = new StructType();
        for (String c : columns) {
            t = t.add(RESULT.apply(c));
        }
        return t.add("batch", DataTypes.LongType);
    }

    private InspectionSchema() {}
}
