package org.anomalyforge.segmenter.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.anomalyforge.ingest.store.RunWriter;
import org.anomalyforge.segmenter.lfd.LfdNet;
import org.anomalyforge.segmenter.lfd.LfdWeightsExporter;
import org.anomalyforge.segmenter.lfd.LfdWeightsImporter;

/**
 * The §5.8 checkpoints inside a run's staging folder:
 * <pre>
 * checkpoints/resume-key.txt         the run's resume key (written at start)
 * checkpoints/epoch-&lt;e&gt;.safetensors   weights with original keys (incl. BN running stats)
 * checkpoints/optimizer-&lt;e&gt;.safetensors momentum buffers, keys momentum.&lt;original key&gt;
 * checkpoints/trainer-state.json     {@link TrainerState}
 * </pre>
 * Each file is written atomically (temp name, then rename). A save writes weights and optimizer first and
 * the state last, so the state never points at missing files; then it deletes the previous epoch's files,
 * except the weights of the best epoch (needed for the final {@code weights.safetensors}). The whole folder
 * is removed before commit.
 */
final class Checkpoints {

    static final String DIR = "checkpoints";
    static final String STATE = DIR + "/trainer-state.json";
    static final String KEY = DIR + "/resume-key.txt";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RunWriter run;

    Checkpoints(RunWriter run) {
        this.run = run;
    }

    static String weightsName(int epoch) {
        return DIR + "/epoch-" + epoch + ".safetensors";
    }

    static String optimizerName(int epoch) {
        return DIR + "/optimizer-" + epoch + ".safetensors";
    }

    /** The resume key stored in a staging folder, if any. */
    static Optional<String> resumeKeyOf(Path stagingDir) throws IOException {
        Path f = stagingDir.resolve(KEY);
        return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).trim())
                : Optional.empty();
    }

    void writeResumeKey(String key) throws IOException {
        run.writeAtomically(KEY, key.getBytes(StandardCharsets.UTF_8));
    }

    /** The last saved state, empty if no epoch was checkpointed. */
    Optional<TrainerState> readState() throws IOException {
        Path f = run.dir().resolve(STATE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        TrainerState s;
        try {
            s = JSON.readValue(f.toFile(), TrainerState.class);
        } catch (IOException e) {
            throw new IOException(f + ": unreadable trainer state: " + e.getMessage(), e);
        }
        if (s.format() != TrainerState.FORMAT) {
            throw new IOException(f + ": trainer-state format must be " + TrainerState.FORMAT + ", got " + s.format());
        }
        return Optional.of(s);
    }

    /** Saves weights, momentum and state of a completed epoch, then prunes obsolete files. */
    void save(LfdNet net, MomentumSgd sgd, TrainerState state) throws IOException {
        int e = state.epoch();
        LfdWeightsExporter.export(net.weights(), run.dir().resolve(weightsName(e)), state.iteration(),
                Map.of("epoch", Integer.toString(e), "run", run.runId()));
        sgd.save(run.dir().resolve(optimizerName(e)));
        run.writeAtomically(STATE, JSON.writeValueAsBytes(state));
        int keep = state.best() == null ? e : state.best().epoch();
        try (Stream<Path> files = Files.list(run.dir().resolve(DIR))) {
            for (Path p : files.toList()) {
                String name = DIR + "/" + p.getFileName();
                boolean current = name.equals(weightsName(e)) || name.equals(optimizerName(e));
                boolean bestWeights = name.equals(weightsName(keep));
                if (name.endsWith(".safetensors") && !current && !bestWeights) {
                    run.delete(name);
                }
            }
        }
    }

    /** Loads the weights and momentum of {@code epoch} into the network and optimiser. */
    void restore(int epoch, LfdNet net, MomentumSgd sgd) throws IOException {
        LfdWeightsImporter.strict().importFile(net.weights(), run.dir().resolve(weightsName(epoch)));
        sgd.load(run.dir().resolve(optimizerName(epoch)));
    }

    /** The weights file of {@code epoch} (must exist). */
    Path weights(int epoch) throws IOException {
        Path f = run.dir().resolve(weightsName(epoch));
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + ": checkpoint of epoch " + epoch + " is missing");
        }
        return f;
    }

    /** Deletes every checkpoint file and the folder. */
    void clear() throws IOException {
        Path dir = run.dir().resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        run.delete(STATE);                  // first: a crash from here on restarts the run, never half-restores
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                run.delete(DIR + "/" + p.getFileName());
            }
        }
        run.delete(DIR);
    }

    /** JSON bytes of any record (shared with the history file). */
    static byte[] json(Object value) throws IOException {
        return JSON.writeValueAsBytes(value);
    }
}
