package org.anomalyforge.jobs.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Everything that decides which pairs a SeaS synthesize run writes, recorded as {@code PAIRS/_synthesize.json} when
 * the folder is created. A rerun into the same folder resumes only when its options are equal (compared field by
 * field, so the refusal names the differing one); the chunk layout ({@code chunk_pairs}, {@code partitions}) is taken
 * from the file, so a resume on a cluster of another size cuts the same chunks.
 *
 * @param generatorRun  run id of the SeaS run (with masks)
 * @param referencePool number and SHA-256 of the reference normal images' names, in pool order
 * @param chunkPairs    pairs per committed chunk
 * @param partitions    Spark partitions per chunk
 */
record SeasSynthesisSettings(String method, String product, String generatorRun, String data, int perType,
                             int normals, double guidance, int steps, String sampler, int batch, long seed,
                             String referencePool, int chunkPairs, int partitions) implements Serializable {

    static final String FILE = "_synthesize.json";
    static final String METHOD = "seas";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    SeasSynthesisSettings {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(generatorRun, "generatorRun");
        if (chunkPairs < 1 || partitions < 1) {
            throw new IllegalArgumentException("chunk_pairs and partitions must be at least 1, got " + chunkPairs
                    + " and " + partitions);
        }
    }

    /** The options a rerun must repeat, by their {@code _synthesize.json} name (the layout fields excluded). */
    Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("product", product);
        m.put("generator_run", generatorRun);
        m.put("data", data);
        m.put("per_type", perType);
        m.put("normals", normals);
        m.put("guidance", guidance);
        m.put("steps", steps);
        m.put("sampler", sampler);
        m.put("batch", batch);
        m.put("seed", seed);
        m.put("reference_pool", referencePool);
        return m;
    }

    /**
     * This run's settings for a folder that already holds {@code recorded}: the recorded layout, or a refusal naming
     * the first option that differs.
     */
    SeasSynthesisSettings resumeFrom(SeasSynthesisSettings recorded, java.nio.file.Path file) {
        Map<String, Object> mine = options();
        Map<String, Object> theirs = recorded.options();
        for (Map.Entry<String, Object> e : mine.entrySet()) {
            Object other = theirs.get(e.getKey());
            if (!Objects.equals(e.getValue(), other)) {
                throw new IllegalArgumentException(file + " was written with " + e.getKey() + " = " + other
                        + ", this run has " + e.getKey() + " = " + e.getValue() + "; rerun with the same options to "
                        + "resume, or choose a new --out");
            }
        }
        return recorded;
    }

    static SeasSynthesisSettings read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return JSON.readValue(in, SeasSynthesisSettings.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a readable synthesize record: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes to a temporary name, then renames, so a crash never leaves half a record. */
    void write(FileSystem fs, Path file) throws IOException {
        Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            JSON.writeValue(out, this);
        }
        if (!fs.rename(tmp, file)) {
            throw new IOException(file + ": cannot rename " + tmp + " to it");
        }
    }
}
