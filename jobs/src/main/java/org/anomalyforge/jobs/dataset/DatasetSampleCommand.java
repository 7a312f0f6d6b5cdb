package org.anomalyforge.jobs.dataset;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.ingest.sample.SampleSpec;
import org.anomalyforge.jobs.cli.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forge dataset sample}: procedural products in MVTec AD layout, deterministic per seed. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Render procedural sample products (woven fabric, brushed metal, ceramic tile) with exact "
                + "defect masks, in MVTec AD layout. The same seed always gives the same images.",
        footer = {"", "Examples:", "  forge dataset sample --out data/sample",
                "  forge dataset sample --out data/tiles --products tile --size 512 --seed 3 --per-defect 30"})
public final class DatasetSampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the products into")
    Path out;

    @Option(names = "--products", split = ",", paramLabel = "KIND",
            description = "product kinds, comma-separated: fabric, metal, tile (default: all)")
    List<String> products;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "256", description = "image width and height, 128..512 (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--train-good", defaultValue = "30", description = "train/good images per product (default: ${DEFAULT-VALUE})")
    int trainGood;

    @Option(names = "--test-good", defaultValue = "10", description = "test/good images per product (default: ${DEFAULT-VALUE})")
    int testGood;

    @Option(names = "--per-defect", defaultValue = "9", description = "images per defect type (default: ${DEFAULT-VALUE})")
    int perDefect;

    @Override
    public Integer call() throws Exception {
        SampleSpec sampleSpec;
        try {
            sampleSpec = new SampleSpec(kinds(products), seed, size, trainGood, testGood, perDefect);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        write(out, sampleSpec);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Wrote " + sampleSpec.totalImages() + " images of " + sampleSpec.products().size()
                + " product(s) to " + out + " (seed " + seed + ", " + size + "×" + size + ").");
        w.println("Next: forge dataset check " + out);
        w.flush();
        return 0;
    }

    /** Renders {@code sampleSpec} into {@code out} with a progress bar. */
    public static void write(Path out, SampleSpec sampleSpec) throws java.io.IOException {
        try (Progress progress = Progress.start("render", sampleSpec.totalImages(), "img")) {
            new SampleProductGenerator(ImageCodec.withDefaults()).write(out, sampleSpec, (done, total) -> progress.stepTo(done));
        }
    }

    /** Parses product kind names; null or empty means all kinds. */
    static List<ProductKind> kinds(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of(ProductKind.values());
        }
        return names.stream().map(String::trim).map(ProductKind::fromFolderName).toList();
    }
}
