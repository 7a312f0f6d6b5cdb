package org.anomalyforge.ingest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run being written into its staging folder. Files are written with {@link #writeAtomically} (temp
 * name, then rename) so a crash never leaves a half-written file; {@link #commit} hashes everything,
 * writes the manifest and renames the folder into the store.
 */
public final class RunWriter {
    private final String product;
    private final String kind;
    private final String runId;
    private final Path staging;
    private final Clock clock;
    private boolean committed;

    RunWriter(String product, String kind, String runId, Path staging, Clock clock) {
        this.product = product;
        this.kind = kind;
        this.runId = runId;
        this.staging = staging;
        this.clock = clock;
    }

    public String runId() {
        return runId;
    }

    /** The staging folder; files written here become part of the run. */
    public Path dir() {
        return staging;
    }

    /** Writes {@code bytes} to {@code relative} inside the run: temp file, then atomic rename. */
    public Path writeAtomically(String relative, byte[] bytes) throws IOException {
        Path target = staging.resolve(relative).normalize();
        if (!target.startsWith(staging)) {
            throw new IllegalArgumentException("run file must stay inside the run folder, got '" + relative + "'");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** Deletes a file of the run, e.g. an intermediate checkpoint not meant to be kept. */
    public void delete(String relative) throws IOException {
        Files.deleteIfExists(staging.resolve(relative));
    }

    /**
     * Hashes every file, writes {@code manifest.json} and moves the run into the store.
     *
     * @param codeVersion     version of the code that trained the model
     * @param dataFingerprint {@link DataFingerprint} of the training data
     * @param metrics         named numbers to record (validation metrics, steps)
     */
    public RunRef commit(String codeVersion, String dataFingerprint, Map<String, Double> metrics) throws IOException {
        if (committed) {
            throw new IllegalStateException("run " + runId + " is already committed");
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<String> names = ModelStore.relativeFiles(staging);
        for (String name : names) {
            if (name.equals(Manifest.FILE_NAME)) {
                throw new ModelStoreException(staging.resolve(name), "reserved for the manifest; write it via commit()");
            }
            if (name.endsWith(".tmp")) {
                throw new ModelStoreException(staging.resolve(name), "temporary file left in the run folder");
            }
            files.put(name, Sha256.of(staging.resolve(name)));
        }
        if (files.isEmpty()) {
            throw new ModelStoreException(staging, "refusing to commit a run without files");
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, product, kind, runId, clock.instant(), codeVersion,
                dataFingerprint, files, metrics);
        writeAtomically(Manifest.FILE_NAME, ManifestJson.write(manifest));
        Path finalDir = staging.resolveSibling(runId);
        Files.move(staging, finalDir, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return new RunRef(finalDir, product, kind, runId);
    }
}
