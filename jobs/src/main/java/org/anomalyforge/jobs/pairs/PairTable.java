package org.anomalyforge.jobs.pairs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads generated pairs as exactly the {@link PairSchema} columns, whichever job wrote them: a flat Parquet folder
 * (the Perlin baseline) or a folder of committed chunks {@code chunk=NNNNN/} (the restartable SeaS job).
 *
 * <p>A plain {@code spark.read().parquet(folder)} of a chunked folder would add a {@code chunk} partition column and
 * would also read the files of a chunk whose write never committed (a crash during the job commit can leave some).
 * So only chunk folders holding the {@code _SUCCESS} marker of Spark's commit protocol are read, each as its own base
 * path, and the result is projected onto {@link PairSchema#SCHEMA}.
 */
public final class PairTable {
    /** Name prefix of a chunk folder: {@code chunk=00000}, {@code chunk=00001}, … */
    public static final String CHUNK_PREFIX = "chunk=";
    /** The marker Spark's file commit protocol writes when a write job committed. */
    public static final String SUCCESS = "_SUCCESS";

    private static final Pattern CHUNK = Pattern.compile("chunk=[0-9]+");

    private PairTable() {}

    /** The pairs of one or more Parquet folders, with exactly the {@link PairSchema} columns in its order. */
    public static Dataset<Row> read(SparkSession spark, List<Path> folders) {
        List<String> leaves = new ArrayList<>();
        for (Path folder : folders) {
            leaves.addAll(leaves(spark, folder));
        }
        if (leaves.isEmpty()) {
            return spark.createDataFrame(List.of(), PairSchema.SCHEMA);
        }
        Column[] columns = Arrays.stream(PairSchema.SCHEMA.fieldNames()).map(n -> col(n)).toArray(Column[]::new);
        return spark.read().parquet(leaves.toArray(String[]::new)).select(columns);
    }

    public static Dataset<Row> read(SparkSession spark, Path folder) {
        return read(spark, List.of(folder));
    }

    /** The folders to read for {@code folder}: its committed chunks in order, or the folder itself when not chunked. */
    static List<String> leaves(SparkSession spark, Path folder) {
        try {
            org.apache.hadoop.fs.Path root = hadoopPath(folder);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(root)) {
                throw new IllegalArgumentException(folder + ": no such pairs folder");
            }
            List<FileStatus> chunks = chunkFolders(fs, root);
            if (chunks.isEmpty()) {
                return List.of(root.toString());
            }
            List<String> committed = new ArrayList<>();
            for (FileStatus chunk : chunks) {
                if (fs.exists(new org.apache.hadoop.fs.Path(chunk.getPath(), SUCCESS))) {
                    committed.add(chunk.getPath().toString());
                }
            }
            return committed;
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list the pairs folder: " + e.getMessage(), e);
        }
    }

    /** The {@code chunk=N} sub-folders of {@code root} (committed or not), sorted by name. */
    public static List<FileStatus> chunkFolders(FileSystem fs, org.apache.hadoop.fs.Path root) throws IOException {
        List<FileStatus> chunks = new ArrayList<>();
        for (FileStatus s : fs.listStatus(root)) {
            if (s.isDirectory() && CHUNK.matcher(s.getPath().getName()).matches()) {
                chunks.add(s);
            }
        }
        chunks.sort(Comparator.comparing(s -> s.getPath().getName()));
        return chunks;
    }

    /** A local path or a Hadoop URI given as a path ({@code hdfs://…}, {@code s3a://…}) as a Hadoop path. */
    public static org.apache.hadoop.fs.Path hadoopPath(Path folder) {
        String s = folder.toString();
        if (s.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*")) {
            return new org.apache.hadoop.fs.Path(s);
        }
        return new org.apache.hadoop.fs.Path(folder.toAbsolutePath().normalize().toUri());
    }
}
