package org.anomalyforge.jobs;

import org.anomalyforge.jobs.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One real local SparkSession shared by the test classes of this JVM (start-up costs seconds). */
public final class LocalSpark {
    private static SparkSession spark;

    private LocalSpark() {}

    public static synchronized SparkSession get() {
        if (spark == null || spark.sparkContext().isStopped()) {
            spark = SparkSessions.start("anomalyforge-tests", "local[2]");
        }
        return spark;
    }
}
