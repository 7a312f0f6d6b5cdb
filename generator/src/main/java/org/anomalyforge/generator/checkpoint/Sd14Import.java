package org.anomalyforge.generator.checkpoint;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.sampling.NoiseScheduleConfig;
import org.anomalyforge.generator.sampling.SchedulerConfigJson;
import org.anomalyforge.generator.tokenizer.ClipBpeTokenizer;
import org.anomalyforge.generator.training.GradMode;
import org.anomalyforge.generator.weights.Component;
import org.anomalyforge.generator.weights.DiffusersFolderImport;
import org.anomalyforge.generator.weights.ImportMode;
import org.anomalyforge.generator.weights.ImportReport;
import org.anomalyforge.ingest.store.DataFingerprint;
import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.ingest.store.RunWriter;

/**
 * Checked import of a diffusers Stable Diffusion folder into the model store (seas.md §10.3): the CLIP
 * tokenizer files parse and match the token table, the scheduler is the training schedule, and all three
 * networks load strictly (every name, shape and dtype) into the configured architecture. Only then are
 * the files copied into a store run that keeps the diffusers layout, so the run folder itself can be
 * passed to {@code forge generator finetune --init}.
 */
public final class Sd14Import {

    /** Store kind of an imported base model. */
    public static final String KIND = "sd14-base";

    /** What was checked and where it landed. */
    public record Result(RunRef run, List<ImportReport> reports, int vocabSize) {}

    private Sd14Import() {}

    /**
     * @param diffusers a diffusers pipeline folder (unet/, vae/, text_encoder/, tokenizer/, scheduler/)
     * @param config    the architecture to check against ({@link SeasModelConfig#sd14()} for SD-1.4)
     * @param product   the model-store key to import under (e.g. {@code sd14})
     */
    public static Result run(Path diffusers, SeasModelConfig config, Path store, String product, String codeVersion)
            throws IOException {
        if (!Files.isDirectory(diffusers)) {
            throw new IOException(diffusers + ": no such folder (expected a diffusers pipeline folder)");
        }
        // 1. Tokenizer: parses, and its vocabulary fills exactly the token table.
        ClipBpeTokenizer tokenizer = ClipBpeTokenizer.fromDirectory(diffusers.resolve("tokenizer"));
        if (tokenizer.vocabSize() != config.textEncoder().vocabSize()) {
            throw new IOException(diffusers.resolve("tokenizer") + ": vocabulary has " + tokenizer.vocabSize()
                    + " tokens but the text encoder's token table has " + config.textEncoder().vocabSize() + " rows");
        }
        // 2. Scheduler: the DDPM training schedule the U-Net was trained with.
        Path schedulerFile = diffusers.resolve("scheduler/scheduler_config.json");
        NoiseScheduleConfig schedule = SchedulerConfigJson.read(schedulerFile);
        schedule.requireTrainingSchedule();
        // 3. Networks: strict load of every tensor (names, shapes, dtypes).
        List<ImportReport> reports = new ArrayList<>();
        GradMode.off();
        try (NDManager manager = NDManager.newBaseManager()) {
            DiffusersFolderImport.Result r = DiffusersFolderImport.importFolder(diffusers, config, manager,
                    ImportMode.STRICT);
            reports.add(r.unetReport());
            reports.add(r.vaeReport());
            reports.add(r.textReport());
        }
        // 4. Copy into a store run with the same layout; the manifest hashes every file.
        Map<String, Path> files = new LinkedHashMap<>();
        for (Component c : Component.diffusers()) {
            Path f = DiffusersFolderImport.weightFile(diffusers, c);
            files.put(diffusers.relativize(f).toString(), f);
        }
        for (String name : List.of("tokenizer/vocab.json", "tokenizer/merges.txt")) {
            files.put(name, diffusers.resolve(name));
        }
        files.put("scheduler/scheduler_config.json", schedulerFile);
        RunWriter writer = new ModelStore(store).create(product, KIND);
        for (Map.Entry<String, Path> e : files.entrySet()) {
            copy(e.getValue(), writer.dir().resolve(e.getKey()));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (ImportReport report : reports) {
            metrics.put(report.component().label() + ".tensors", (double) report.tensorsLoaded());
            metrics.put(report.component().label() + ".values", (double) report.valuesLoaded());
        }
        RunRef ref = writer.commit(codeVersion, DataFingerprint.of(diffusers, files.values()), metrics);
        return new Result(ref, reports, tokenizer.vocabSize());
    }

    /** Streams the file (weights are gigabytes) to a temporary name, then renames it into place. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
