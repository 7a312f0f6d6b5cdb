package org.anomalyforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;

import java.nio.file.Path;
import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads files listed by the driver through Spark's {@code binaryFile} source, so executors read the
 * bytes where they run, keyed by the same absolute path string the driver used.
 */
public final class LocalFiles {
    public static final String PATH = "file_path";
    public static final String CONTENT = "content";

    private LocalFiles() {}

    /** Rows (file_path, content) for every regular file below the given folders (recursively). */
    public static Dataset<Row> read(SparkSession spark, Collection<Path> folders) {
        String[] roots = folders.stream().map(p -> p.toAbsolutePath().normalize().toUri().toString()).toArray(String[]::new);
        return spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(roots)
                .select(normalised(col("path")).as(PATH), col("content").as(CONTENT));
    }

    /** The driver-side key of a file: its absolute, normalised path. */
    public static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Spark reports "file:/a/b"; the driver key is "/a/b". */
    private static Column normalised(Column uriPath) {
        return regexp_replace(uriPath, "^file:/+", "/");
    }
}
