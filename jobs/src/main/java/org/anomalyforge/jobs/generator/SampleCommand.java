package org.anomalyforge.jobs.generator;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.anomalyforge.generator.GeneratedImage;
import org.anomalyforge.generator.GenerationRequest;
import org.anomalyforge.generator.SamplerKind;
import org.anomalyforge.generator.Seas;
import org.anomalyforge.generator.SeasGenerator;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.jobs.cli.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge generator sample}: images from a fine-tuned SeaS run (masks come with stage 2). */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Generate images of one defect type (or 'good' for normal images) from a fine-tuned SeaS run.",
                "By default each image starts from a heavily noised real normal image of the product (--data), "
                        + "chosen by its seed; --gaussian starts from pure noise. The same seed always gives the same "
                        + "image. Writes <out>/<defect>/<seed>.png and <out>/samples.csv."},
        footer = {"", "Example:", "  forge generator sample --model models/tile/seas/<run-id> --data data/sample "
                + "--defect crack --n 8 --out samples/"})
public final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "SeaS model-store run folder")
    Path model;

    @Option(names = "--defect", required = true, paramLabel = "TYPE", description = "defect type, or 'good'")
    String defect;

    @Option(names = "--n", defaultValue = "8", description = "images (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "dataset holding the product's train/good references")
    Path data;

    @Option(names = "--gaussian", description = "start from pure Gaussian noise instead of a noised real normal image")
    boolean gaussian;

    @Option(names = "--seed", defaultValue = "42", description = "base seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--guidance", defaultValue = "7.5", description = "classifier-free guidance scale (default: ${DEFAULT-VALUE})")
    double guidance;

    @Option(names = "--steps", defaultValue = "25", description = "sampling steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--sampler", defaultValue = "DPM_SOLVER_PP_2M", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    SamplerKind sampler;

    @Option(names = "--batch", defaultValue = "4", description = "images per forward batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() throws Exception {
        if (!gaussian && data == null) {
            throw new ParameterException(spec.commandLine(), "--data is needed for the reference normal images "
                    + "(or pass --gaussian to start from pure noise)");
        }
        ImageCodec codec = ImageCodec.withDefaults();
        List<String> csv = new ArrayList<>(List.of("file,defect_type,seed,guidance,sampler,steps,reference"));
        try (SeasGenerator generator = Seas.load(model)) {
            String type = defect.equals("good") ? null : defect;
            if (type != null && !generator.defectTypes().contains(type)) {
                throw new ParameterException(spec.commandLine(), "--defect must be one of " + generator.defectTypes()
                        + " or 'good' for run " + generator.runId() + ", got '" + defect + "'");
            }
            List<Path> references = gaussian ? List.of() : references(generator.product());
            try (Progress progress = Progress.start("sample", n, "img")) {
                for (int start = 0; start < n; start += batch) {
                    List<GenerationRequest> requests = new ArrayList<>();
                    List<String> refNames = new ArrayList<>();
                    for (int i = start; i < Math.min(n, start + batch); i++) {
                        long s = PairSeeds.of(seed, generator.product(), defect, i);
                        byte[] ref = null;
                        String refName = "gaussian";
                        if (!references.isEmpty()) {
                            Path r = references.get((int) Math.floorMod(s, (long) references.size()));
                            ref = Files.readAllBytes(r);
                            refName = r.getFileName().toString();
                        }
                        requests.add(new GenerationRequest(type, s, guidance, steps, sampler, ref));
                        refNames.add(refName);
                    }
                    List<GeneratedImage> images = generator.generate(requests);
                    for (int i = 0; i < images.size(); i++) {
                        GeneratedImage g = images.get(i);
                        Path file = out.resolve(defect).resolve(g.seed() + ".png");
                        codec.writePng(file, g.image());
                        csv.add(String.format(Locale.ROOT, "%s,%s,%d,%.2f,%s,%d,%s", out.relativize(file), defect,
                                g.seed(), g.guidance(), sampler, steps, refNames.get(i)));
                    }
                    progress.stepTo(Math.min(n, start + batch));
                }
            }
        }
        Files.createDirectories(out);
        Files.write(out.resolve("samples.csv"), csv, StandardCharsets.UTF_8);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Wrote " + n + " '" + defect + "' images to " + out.resolve(defect) + " (samples.csv lists seeds)");
        w.flush();
        return 0;
    }

    private List<Path> references(String productName) throws java.io.IOException {
        Product product = new MvtecDatasetReader().read(data).product(productName).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "product '" + productName + "' of the model is not in "
                        + data));
        if (product.trainGood().isEmpty()) {
            throw new ParameterException(spec.commandLine(), product.root().resolve("train/good")
                    + ": no normal images to start from (or pass --gaussian)");
        }
        return product.trainGood();
    }
}
