package org.anomalyforge.jobs.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.anomalyforge.generator.GeneratedImage;
import org.anomalyforge.generator.GenerationRequest;
import org.anomalyforge.generator.SamplerKind;
import org.anomalyforge.generator.Seas;
import org.anomalyforge.generator.SeasGenerator;
import org.anomalyforge.generator.quality.MaskImageConsistency;
import org.anomalyforge.generator.quality.MaskImageConsistency.Pair;
import org.anomalyforge.generator.quality.MaskImageConsistency.Result;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.jobs.cli.Progress;
import org.anomalyforge.jobs.cli.TextTable;
import org.anomalyforge.jobs.spark.TorchThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge generator consistency}: seas.md §11.3, does each mask cover what the defect prompt changed? */
@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = {"The paired-difference test of mask–image consistency (seas.md §11.3). For the first N pairs "
                + "of each defect type, exactly as 'forge generator synthesize --method seas' plans them (same --seed, "
                + "seeds, references), generate the pair again and its twin under the normal prompt 'a ob1' with the "
                + "same seed, reference and noise. D = mean RGB |defect − normal| per pixel.",
                "Prints and writes to <out>/consistency.json, per defect type: the pooled pixel AUROC of D against "
                        + "the generated masks, the energy ratio mean D inside / outside the masks, the mean per-pair "
                        + "best-threshold IoU, and mean D (how much the defect prompt changes the image at all)."},
        footer = {"", "Example:", "  forge generator consistency --model models/tile/seas/<stage-2 run> --data data/sample "
                + "--per-type 50 --out report/consistency"})
public final class ConsistencyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "SeaS run with masks (stage 2)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset holding the product's "
            + "train/good references")
    Path data;

    @Option(names = "--per-type", defaultValue = "50", paramLabel = "N",
            description = "pairs per defect type (default: ${DEFAULT-VALUE})")
    int perType;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for consistency.json")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "base seed, as given to synthesize (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--guidance", defaultValue = "3", description = "classifier-free guidance scale (default: ${DEFAULT-VALUE})")
    double guidance;

    @Option(names = "--steps", defaultValue = "25", description = "sampling steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--sampler", defaultValue = "DPM_SOLVER_PP_2M", description = "${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE})")
    SamplerKind sampler;

    @Option(names = "--batch", defaultValue = "4", description = "images per forward batch, an even number: each "
            + "pair and its twin share a batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() throws Exception {
        if (perType < 1) {
            throw new ParameterException(spec.commandLine(), "--per-type must be at least 1, got " + perType);
        }
        if (batch < 2 || batch % 2 != 0) {
            throw new ParameterException(spec.commandLine(), "--batch must be an even number >= 2, got " + batch);
        }
        TorchThreads.configureFor(1);          // one process, one task: libtorch may use every core
        Map<String, Result> results = new LinkedHashMap<>();
        String runId;
        try (SeasGenerator g = Seas.load(model)) {
            runId = g.runId();
            if (!g.hasMasks()) {
                throw new ParameterException(spec.commandLine(), "SeaS run " + g.runId() + " (" + model + ") has no "
                        + "refined mask prediction; run 'forge generator train-masks --model " + model + "' first");
            }
            Product product = new MvtecDatasetReader().read(data).product(g.product()).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "product '" + g.product() + "' of run " + g.runId()
                            + " is not in " + data));
            List<Path> pool = SeasSynthesisPlan.referencePool(product);
            // pair i of every type starts from the same reference: read each once, not once per type
            Map<Path, byte[]> bytes = new HashMap<>();
            List<byte[]> references = new ArrayList<>();
            for (int i = 0; i < perType; i++) {
                Path reference = SeasSynthesisPlan.reference(pool, i);
                if (!bytes.containsKey(reference)) {
                    bytes.put(reference, Files.readAllBytes(reference));
                }
                references.add(bytes.get(reference));
            }
            try (Progress progress = Progress.start("consistency", 2L * perType * g.defectTypes().size(), "img")) {
                long done = 0;
                for (String type : g.defectTypes()) {
                    List<Pair> pairs = new ArrayList<>();
                    for (int start = 0; start < perType; start += batch / 2) {
                        List<GenerationRequest> requests = new ArrayList<>();
                        for (int i = start; i < Math.min(perType, start + batch / 2); i++) {
                            long s = PairSeeds.of(seed, g.product(), type, i);
                            byte[] reference = references.get(i);
                            requests.add(new GenerationRequest(type, s, guidance, steps, sampler, reference));
                            requests.add(new GenerationRequest(null, s, guidance, steps, sampler, reference));
                        }
                        List<GeneratedImage> images = g.generate(requests);
                        for (int k = 0; k < images.size(); k += 2) {
                            pairs.add(new Pair(images.get(k).image(), images.get(k + 1).image(), images.get(k).mask()));
                        }
                        done += images.size();
                        progress.stepTo(done);
                    }
                    results.put(type, MaskImageConsistency.measure(pairs));
                }
            }
        }
        Files.createDirectories(out);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "seas.md §11.3 paired-difference test");
        json.put("model", model.toAbsolutePath().normalize().toString());
        json.put("generatorRun", runId);
        json.put("settings", Map.of("perType", perType, "seed", seed, "guidance", guidance, "steps", steps,
                "sampler", sampler.name(), "batch", batch));
        json.put("types", results);
        Path file = out.resolve("consistency.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);

        PrintWriter w = spec.commandLine().getOut();
        w.print(table(results));
        w.println("Wrote " + file + " (run " + runId + ", " + perType + " pairs per type, guidance " + guidance + ")");
        w.flush();
        return 0;
    }

    static TextTable table(Map<String, Result> results) {
        TextTable t = new TextTable("defect type", "pairs", "empty masks", "mean D", "pixel AUROC of D",
                "energy in/out", "best IoU");
        results.forEach((type, r) -> t.row(type, r.pairs(), r.emptyMasks(), fmt("%.4f", r.meanD()),
                percent(r.pixelAuroc()), fmt("%.2f", r.energyRatio()), percent(r.bestIou())));
        return t;
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : fmt("%.2f", 100 * v);
    }

    private static String fmt(String pattern, double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, pattern, v);
    }
}
