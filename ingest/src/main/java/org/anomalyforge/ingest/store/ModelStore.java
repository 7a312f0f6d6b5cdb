package org.anomalyforge.ingest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The model store: {@code <root>/<product>/<kind>/<run-id>/} with the run's files and a
 * {@code manifest.json} holding the SHA-256 of each (ARCHITECTURE.md, "Artifacts").
 *
 * <p>Runs are written into a hidden staging folder ({@code .<run-id>.staging}) and renamed into place
 * only when {@link RunWriter#commit} has hashed every file, so a visible run is always complete.
 * {@link #open} re-hashes every file and fails with a message naming the first mismatch.
 */
public final class ModelStore {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String NAME = "[a-z0-9][a-z0-9_.-]*";

    private final Path root;
    private final Clock clock;

    public ModelStore(Path root) {
        this(root, Clock.systemUTC());
    }

    ModelStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    /** Starts a new run; nothing is visible in the store until {@link RunWriter#commit}. */
    public RunWriter create(String product, String kind) throws IOException {
        checkName("product", product);
        checkName("kind", kind);
        Path kindDir = root.resolve(product).resolve(kind);
        Files.createDirectories(kindDir);
        String stamp = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(RUN_TIME);
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        for (int attempt = 0; attempt < 16; attempt++) {
            String runId = stamp + "-" + String.format("%04x", random.nextInt(1 << 16));
            Path staging = kindDir.resolve("." + runId + ".staging");
            if (!Files.exists(kindDir.resolve(runId)) && !Files.exists(staging)) {
                Files.createDirectory(staging);
                return new RunWriter(product, kind, runId, staging, clock);
            }
        }
        throw new ModelStoreException(kindDir, "could not find a free run id after 16 attempts");
    }

    /** Resumes an unfinished run from its staging folder (e.g. after a crash during training). */
    public RunWriter resume(String product, String kind, String runId) throws ModelStoreException {
        Path staging = root.resolve(product).resolve(kind).resolve("." + runId + ".staging");
        if (!Files.isDirectory(staging)) {
            throw new ModelStoreException(staging, "no unfinished run to resume");
        }
        return new RunWriter(product, kind, runId, staging, clock);
    }

    /** Unfinished runs of a product and kind, oldest first. */
    public List<String> unfinished(String product, String kind) throws IOException {
        Path kindDir = root.resolve(product).resolve(kind);
        if (!Files.isDirectory(kindDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(kindDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && n.endsWith(".staging"))
                    .map(n -> n.substring(1, n.length() - ".staging".length())).sorted().toList();
        }
    }

    /** Committed runs of a product and kind, oldest first (run ids sort by time). */
    public List<RunRef> runs(String product, String kind) throws IOException {
        Path kindDir = root.resolve(product).resolve(kind);
        if (!Files.isDirectory(kindDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(kindDir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p))
                    .sorted().map(p -> new RunRef(p, product, kind, p.getFileName().toString())).toList();
        }
    }

    public Optional<RunRef> latest(String product, String kind) throws IOException {
        List<RunRef> runs = runs(product, kind);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /**
     * Opens a committed run folder and verifies it against its manifest: every listed file exists with
     * its SHA-256, and no other file is present.
     */
    public static VerifiedRun open(Path runDir) throws IOException {
        Path manifestFile = runDir.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelStoreException(runDir, "not a model-store run: " + Manifest.FILE_NAME + " is missing");
        }
        Manifest m = ManifestJson.read(manifestFile, Files.readAllBytes(manifestFile));
        Set<String> present = new HashSet<>(relativeFiles(runDir));
        present.remove(Manifest.FILE_NAME);
        for (Map.Entry<String, String> e : m.files().entrySet()) {
            Path f = runDir.resolve(e.getKey());
            if (!present.remove(e.getKey())) {
                throw new ModelStoreException(f, "listed in the manifest but missing");
            }
            String actual = Sha256.of(f);
            if (!actual.equals(e.getValue())) {
                throw new ModelStoreException(f, "SHA-256 mismatch: manifest has " + e.getValue() + ", file has "
                        + actual + " (changed after training, or corrupt)");
            }
        }
        if (!present.isEmpty()) {
            throw new ModelStoreException(runDir, "files not in the manifest: " + present.stream().sorted().toList());
        }
        return new VerifiedRun(new RunRef(runDir, m.product(), m.kind(), m.runId()), m);
    }

    /** Every regular file below {@code dir}, as '/'-separated relative paths. */
    static List<String> relativeFiles(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        out.sort(null);
        return out;
    }

    private static void checkName(String field, String value) {
        if (value == null || !value.matches(NAME)) {
            throw new IllegalArgumentException(field + " must match " + NAME + " (lower-case letters, digits, "
                    + "'_', '.', '-'), got '" + value + "'");
        }
    }
}
