package org.anomalyforge.jobs.segmenter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.MaskDecoding;
import org.anomalyforge.ingest.image.RgbImage;
import org.anomalyforge.jobs.cli.Progress;
import org.anomalyforge.jobs.cli.WorkFailedException;
import org.anomalyforge.segmenter.Lfd;
import org.anomalyforge.segmenter.inference.FrameResult;
import org.anomalyforge.segmenter.inference.LfdSegmenter;
import org.anomalyforge.segmenter.inference.LfdWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forge segmenter predict}: masks, overlays and a CSV of scores for a folder of images. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Run a trained LFD model on every PNG, JPEG or BMP image of a folder (recursively).",
                "Writes <out>/<name>_mask.png (0/255, at the image's size), <out>/<name>_overlay.png (defect "
                        + "pixels tinted red, outlined) and <out>/predictions.csv (score, verdict, defect area)."},
        footer = {"", "Example:", "  forge segmenter predict --model models/unified/lfd/<run-id> --images incoming/ --out review/"})
public final class SegmenterPredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN", description = "model-store run folder")
    Path model;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "folder of images")
    Path images;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created)")
    Path out;

    @Option(names = "--batch", defaultValue = "8", description = "inference batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() throws Exception {
        List<Path> files = list(images);
        if (files.isEmpty()) {
            throw new WorkFailedException(images + ": no PNG, JPEG or BMP images found");
        }
        Files.createDirectories(out);
        ImageCodec codec = ImageCodec.withDefaults();
        List<String> csv = new ArrayList<>(List.of("image,score,verdict,defect_area_px,width,height"));
        List<String> failed = new ArrayList<>();
        int defects = 0;
        try (LfdSegmenter segmenter = Lfd.load(model);
             LfdWorker worker = segmenter.newWorker(batch, true);
             Progress progress = Progress.start("predict", files.size(), "img")) {
            for (int start = 0; start < files.size(); start += batch) {
                List<Path> chunk = files.subList(start, Math.min(files.size(), start + batch));
                List<Path> names = new ArrayList<>();
                List<RgbImage> frames = new ArrayList<>();
                for (Path f : chunk) {
                    try {
                        frames.add(codec.read(f));
                        names.add(f);
                    } catch (ImageDecodeException e) {
                        failed.add(e.getMessage());     // one bad file must not lose the others
                    }
                }
                List<FrameResult> results = frames.isEmpty() ? List.of() : worker.segment(frames);
                for (int i = 0; i < results.size(); i++) {
                    FrameResult r = results.get(i);
                    RgbImage frame = frames.get(i);
                    String stem = stem(images.relativize(names.get(i)));
                    MaskDecoding decoded = codec.decodeMask(r.maskPng(), stem + " mask");
                    BinaryMask mask = ImageCodec.resize(decoded.mask(), frame.width(), frame.height());
                    codec.writeMaskPng(out.resolve(stem + "_mask.png"), mask);
                    codec.writePng(out.resolve(stem + "_overlay.png"), Overlay.of(frame, mask));
                    defects += r.defect() ? 1 : 0;
                    csv.add(String.format(Locale.ROOT, "%s,%.6f,%s,%d,%d,%d", images.relativize(names.get(i)),
                            r.score(), r.defect() ? "defect" : "ok", r.defectAreaPx(), frame.width(), frame.height()));
                }
                progress.stepTo(Math.min(files.size(), start + batch));
            }
        }
        Files.write(out.resolve("predictions.csv"), csv, StandardCharsets.UTF_8);
        PrintWriter w = spec.commandLine().getOut();
        w.println((csv.size() - 1) + " images: " + defects + " defect, " + (csv.size() - 1 - defects) + " ok; "
                + "masks, overlays and predictions.csv in " + out);
        if (!failed.isEmpty()) {
            w.println(failed.size() + " file(s) could not be read:");
            failed.forEach(f -> w.println("  " + f));
        }
        w.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new WorkFailedException(dir + ": no such folder");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|bmp)$")).sorted().toList();
        }
    }

    /** "sub/dir/name.png" → "sub_dir_name": flat output names that cannot collide across folders. */
    private static String stem(Path relative) {
        String s = relative.toString().replace('/', '_').replace('\\', '_');
        int dot = s.lastIndexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
    }
}
