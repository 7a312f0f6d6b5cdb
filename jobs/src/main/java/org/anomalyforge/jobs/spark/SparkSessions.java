package org.anomalyforge.jobs.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession of a forge command: {@code local[*]} on a laptop, or whatever master
 * {@code spark-submit} (or {@code --master}) names, unchanged.
 */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * @param appName shown in the Spark UI and logs
     * @param master  {@code --master} of the command, or null to keep spark-submit's (else {@code local[*]})
     */
    public static SparkSession start(String appName, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"))
                .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "8"))
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");      // not under spark-submit: run locally
        }
        String resolved = master != null ? master : System.getProperty("spark.master", "local[*]");
        if (resolved.startsWith("local")) {
            // STACK.md pitfall 6: bind to loopback instead of the first non-loopback interface.
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
