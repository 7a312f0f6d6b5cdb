package org.anomalyforge.ingest.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a model-store run: what the run is, how it was made, and the SHA-256 of every
 * file in it, so that loading can prove the files are the ones training wrote.
 *
 * @param format          manifest format version, {@value #FORMAT}
 * @param product         product the model is for
 * @param kind            model kind, e.g. {@code lfd}, {@code seas}, {@code trokens}
 * @param runId           the run folder name
 * @param createdAt       when the run was committed
 * @param codeVersion     AnomalyForge version that wrote it
 * @param dataFingerprint SHA-256 over the training data (see {@link DataFingerprint})
 * @param files           relative path → SHA-256 (hex) of every file except {@code manifest.json}
 * @param metrics         named numbers (validation metrics, step counts), sorted by name
 */
public record Manifest(int format, String product, String kind, String runId, Instant createdAt, String codeVersion,
                       String dataFingerprint, Map<String, String> files, Map<String, Double> metrics) {

    public static final int FORMAT = 1;
    public static final String FILE_NAME = "manifest.json";

    public Manifest {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        files = Map.copyOf(new TreeMap<>(files));
        metrics = Map.copyOf(new TreeMap<>(metrics));
    }
}
