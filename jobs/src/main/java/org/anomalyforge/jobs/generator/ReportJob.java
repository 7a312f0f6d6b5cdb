package org.anomalyforge.jobs.generator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.anomalyforge.generator.quality.ContactSheet;
import org.anomalyforge.generator.quality.GeneratedSample;
import org.anomalyforge.generator.quality.MsSsimDistance;
import org.anomalyforge.generator.quality.QualityReport;
import org.anomalyforge.generator.quality.QualityReportBuilder;
import org.anomalyforge.generator.quality.SquareResize;
import org.anomalyforge.generator.quality.TorchScriptDistance;
import org.anomalyforge.generator.quality.TorchScriptFeatureNet;
import org.anomalyforge.generator.quality.RealShot;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.DefectSplit;
import org.anomalyforge.ingest.dataset.FewShotSplit;
import org.anomalyforge.ingest.dataset.LabeledImage;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;
import org.anomalyforge.ingest.dataset.ProductSplit;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;
import org.apache.spark.sql.SparkSession;

/**
 * The quality report of generated pairs (seas.md §11.2) for every product and row in a pairs Parquet: the
 * generated pairs come to the driver through {@link ReportPairs}; the real few-shot shots (with {@code
 * --max-shots}, the same shots the generator trained on) and the normal training images are read from the
 * dataset; {@link QualityReportBuilder} scores them with 1 − MS-SSIM. Writes {@value #JSON} and one
 * {@code contact-sheet-<product>-<row>.png} per row.
 *
 * <p>Real and normal images are resized to {@value MsSsimDistance#SIDE}² when read (seas.md §11.2 step 1, the
 * resize the distance itself would do), so a large normal pool costs little memory. Normal training images
 * are capped at {@code maxImages} too, spread evenly over their file-name order; the report names the subsample.
 */
public final class ReportJob {
    public static final String JSON = "report.json";
    static final int SHEET_COLUMNS = 10;
    static final int SHEET_TILE = 128;

    /**
     * @param pairs     Parquet of generated pairs ({@link org.anomalyforge.jobs.pairs.PairSchema})
     * @param data      the dataset (MVTec layout) the pairs were generated for
     * @param maxShots  the shot cap the generator used
     * @param out       folder for report.json and the contact sheets (created if missing)
     * @param maxImages pairs scored per row, and normal training images compared with, at most
     * @param perceptualNet a user TorchScript distance network (LPIPS) replacing 1 − MS-SSIM, or null
     * @param inceptionNet  a user TorchScript classifier (Inception-v3 logits) for the Inception Score, or null
     */
    public record Options(Path pairs, Path data, OptionalInt maxShots, Path out, int maxImages, Path perceptualNet,
                          Path inceptionNet) {
        public Options {
            Objects.requireNonNull(pairs, "pairs");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(maxShots, "maxShots");
            Objects.requireNonNull(out, "out");
            if (maxImages < 1) {
                throw new IllegalArgumentException("--max-images must be at least 1, got " + maxImages);
            }
            if (maxShots.isPresent() && maxShots.getAsInt() < 1) {
                throw new IllegalArgumentException("--max-shots must be at least 1, got " + maxShots.getAsInt());
            }
        }
    }

    /**
     * @param reports   one per product, in product order
     * @param available product → row → pairs before subsampling
     * @param json      the written report.json
     * @param sheets    the written contact sheets
     */
    public record Result(List<QualityReport> reports, Map<String, Map<String, Long>> available, Path json,
                         List<Path> sheets) {}

    private ReportJob() {}

    public static Result run(SparkSession spark, Options o, PrintWriter log) throws IOException {
        if (!Files.isDirectory(o.pairs())) {
            throw new IOException(o.pairs() + ": no such pairs folder (Parquet written by 'forge generator synthesize')");
        }
        Dataset dataset = new MvtecDatasetReader().read(o.data());
        ReportPairs.Selection selection = ReportPairs.collect(spark, o.pairs(), o.maxImages());
        ImageCodec codec = ImageCodec.withDefaults();
        Files.createDirectories(o.out());
        ContactSheet sheet = new ContactSheet(SHEET_COLUMNS, SHEET_TILE);
        try (TorchScriptDistance network = o.perceptualNet() == null ? null
                : TorchScriptDistance.load("LPIPS", o.perceptualNet());
                TorchScriptFeatureNet inception = o.inceptionNet() == null ? null
                        : TorchScriptFeatureNet.load("Inception", o.inceptionNet())) {
            return score(o, log, dataset, selection, codec, sheet, network, inception);
        }
    }

    private static Result score(Options o, PrintWriter log, Dataset dataset, ReportPairs.Selection selection,
            ImageCodec codec, ContactSheet sheet, TorchScriptDistance network, TorchScriptFeatureNet inception)
            throws IOException {
        List<QualityReport> reports = new ArrayList<>();
        List<Path> sheets = new ArrayList<>();
        List<Map<String, Object>> normalsUsed = new ArrayList<>();
        for (var entry : selection.pairs().entrySet()) {
            String name = entry.getKey();
            Product product = dataset.product(name).orElseThrow(() -> new IllegalArgumentException(o.pairs()
                    + ": holds pairs of product '" + name + "', which is not in " + o.data() + " (it has "
                    + dataset.productNames() + ")"));
            ProductSplit split = FewShotSplit.of(product, o.maxShots());
            QualityReportBuilder builder = network == null ? new QualityReportBuilder()
                    : new QualityReportBuilder(network);
            if (inception != null) {
                builder.inceptionNet(inception);
            }
            for (var row : entry.getValue().entrySet()) {
                List<GeneratedSample> generated = decode(codec, name, row.getKey(), row.getValue());
                log.println("scoring " + name + "/" + row.getKey() + ": " + generated.size() + " pairs");
                log.flush();
                if (row.getKey().equals(QualityReport.GOOD)) {
                    List<Path> normals = ReportPairs.spread(split.normals(), o.maxImages());
                    List<RgbImage> training = new ArrayList<>();
                    for (Path p : normals) {
                        training.add(reference(codec.read(p)));
                    }
                    builder.normals(generated, training, normals.size() + " of " + split.normals().size()
                            + " normal training images (train/good), evenly spread over file-name order");
                    normalsUsed.add(Map.of("product", name, "used", normals.size(), "available",
                            split.normals().size()));
                } else {
                    builder.defectType(row.getKey(), generated, shots(codec, split, row.getKey()));
                }
                Path png = o.out().resolve("contact-sheet-" + fileName(name) + "-" + fileName(row.getKey()) + ".png");
                write(png, sheet.png(generated, codec));
                sheets.add(png);
            }
            reports.add(builder.build(name));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pairs", o.pairs().toString());
        json.put("data", o.data().toString());
        json.put("maxShots", o.maxShots().isPresent() ? o.maxShots().getAsInt() : null);
        json.put("maxImages", o.maxImages());
        json.put("generationOrder", "ascending seed; rows over maxImages keep positions floor(k*n/maxImages)");
        json.put("pairsAvailable", selection.available());
        json.put("normalReferences", normalsUsed);
        json.put("reports", reports);
        Path file = o.out().resolve(JSON);
        write(file, QualityReport.toJson(json).getBytes(StandardCharsets.UTF_8));
        return new Result(reports, selection.available(), file, sheets);
    }

    private static List<GeneratedSample> decode(ImageCodec codec, String product, String row,
                                                List<ReportPairs.Pair> pairs) throws IOException {
        List<GeneratedSample> out = new ArrayList<>();
        for (ReportPairs.Pair p : pairs) {
            String source = "pair " + product + "/" + row + " seed " + p.seed();
            out.add(new GeneratedSample(codec.decode(p.imagePng(), source + " image_png"),
                    codec.decodeMask(p.maskPng(), source + " mask_png").mask(), p.seed()));
        }
        return out;
    }

    /** The type's few-shot training shots with their masks; none when the dataset lacks the type. */
    private static List<RealShot> shots(ImageCodec codec, ProductSplit split, String type) throws IOException {
        List<RealShot> shots = new ArrayList<>();
        for (LabeledImage shot : split.defect(type).map(DefectSplit::shots).orElse(List.of())) {
            Path mask = shot.mask().orElseThrow(() -> new IllegalArgumentException(shot.image()
                    + ": training shot without a mask; run 'forge dataset check' on the dataset"));
            shots.add(new RealShot(reference(codec.read(shot.image())), codec.readMask(mask).mask()));
        }
        return shots;
    }

    /** seas.md §11.2 step 1: every image at 256² (area averaging when shrinking, else bilinear). */
    private static RgbImage reference(RgbImage image) {
        return SquareResize.to(image, MsSsimDistance.SIDE);
    }

    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
