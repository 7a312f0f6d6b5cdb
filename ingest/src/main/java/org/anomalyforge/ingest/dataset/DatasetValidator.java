package org.anomalyforge.ingest.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.ImageDecodeException;
import org.anomalyforge.ingest.image.MaskDecoding;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Decodes every image and mask of a {@link Dataset} and reports every problem with the file it
 * concerns, rather than stopping at the first.
 *
 * <p>Errors: missing folders, empty defect folders, undecodable files, image without mask, mask
 * without image, mask size differing from its image. Warnings: masks that are not strictly 0/255
 * (binarised at 128; the count of such pixels is given), masks with no defect pixel, stray non-image
 * files. Files are decoded in parallel on the common fork-join pool.
 */
public final class DatasetValidator {

    private final ImageCodec codec;

    public DatasetValidator(ImageCodec codec) {
        this.codec = codec;
    }

    /** Validates without progress reporting. */
    public ValidationReport validate(Dataset dataset) throws IOException {
        return validate(dataset, done -> { });
    }

    /**
     * @param progress called with the number of files checked so far (from worker threads)
     */
    public ValidationReport validate(Dataset dataset, IntConsumer progress) throws IOException {
        List<DatasetIssue> issues = new ArrayList<>();
        List<GroupStats> groups = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        IntConsumer tick = n -> progress.accept(done.addAndGet(n));
        for (Product product : dataset.products()) {
            for (String missing : product.missing()) {
                issues.add(DatasetIssue.error(product.root().resolve(missing), "missing folder (MVTec layout needs "
                        + "<product>/train/good, <product>/test/<defect> and <product>/ground_truth/<defect>)"));
            }
            for (String dir : List.of("train/good", "test/good")) {
                for (Path stray : DatasetFiles.strayFiles(product.root().resolve(dir))) {
                    issues.add(DatasetIssue.warning(stray, "ignored: not a PNG, JPEG or BMP image"));
                }
            }
            groups.add(checkGood(product, "train/good", product.trainGood(), issues, tick));
            groups.add(checkGood(product, "test/good", product.testGood(), issues, tick));
            if (product.defects().isEmpty() && !product.missing().contains("test")) {
                issues.add(DatasetIssue.error(product.root().resolve("test"),
                        "no defect folders: expected test/<defect>/ next to test/good"));
            }
            for (DefectType defect : product.defects()) {
                groups.add(checkDefect(product, defect, issues, tick));
            }
        }
        return new ValidationReport(dataset, issues, groups);
    }

    private GroupStats checkGood(Product product, String group, List<Path> files, List<DatasetIssue> issues,
                                 IntConsumer tick) {
        List<FileCheck> checks = files.parallelStream().map(f -> {
            FileCheck c = checkImage(f);
            tick.accept(1);
            return c;
        }).toList();
        return collect(product, group, files.size(), 0, checks, issues);
    }

    private GroupStats checkDefect(Product product, DefectType defect, List<DatasetIssue> issues, IntConsumer tick)
            throws IOException {
        Path dir = product.root().resolve("test").resolve(defect.name());
        if (defect.images().isEmpty()) {
            issues.add(DatasetIssue.error(dir, "defect folder has no images"));
        }
        for (Path stray : DatasetFiles.strayFiles(dir)) {
            issues.add(DatasetIssue.warning(stray, "ignored: not a PNG, JPEG or BMP image"));
        }
        for (Path orphan : defect.orphanMasks()) {
            issues.add(DatasetIssue.error(orphan, "mask without image: no test/" + defect.name() + "/"
                    + stemOfMask(orphan) + ".<png|jpg|jpeg|bmp>"));
        }
        List<FileCheck> checks = defect.images().parallelStream().map(li -> {
            FileCheck c = checkLabeled(li, defect.name());
            tick.accept(li.mask().isPresent() ? 2 : 1);
            return c;
        }).toList();
        int masks = (int) defect.images().stream().filter(li -> li.mask().isPresent()).count();
        return collect(product, defect.name(), defect.images().size(), masks, checks, issues);
    }

    private static GroupStats collect(Product product, String group, int images, int masks, List<FileCheck> checks,
                                      List<DatasetIssue> issues) {
        SizeRange sizes = SizeRange.NONE;
        for (FileCheck c : checks) {
            issues.addAll(c.issues());
            if (c.image().isPresent()) {
                sizes = sizes.with(c.image().get().width(), c.image().get().height());
            }
        }
        return new GroupStats(product.name(), group, images, masks, sizes);
    }

    private FileCheck checkImage(Path file) {
        try {
            RgbImage image = codec.read(file);
            return new FileCheck(Optional.of(new Size(image.width(), image.height())), List.of());
        } catch (ImageDecodeException e) {
            return new FileCheck(Optional.empty(), List.of(DatasetIssue.error(file, problemOf(e, file))));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }

    private FileCheck checkLabeled(LabeledImage li, String defect) {
        FileCheck image = checkImage(li.image());
        List<DatasetIssue> issues = new ArrayList<>(image.issues());
        if (li.mask().isEmpty()) {
            issues.add(DatasetIssue.error(li.image(), "image without mask: expected ground_truth/" + defect + "/"
                    + li.stem() + "_mask.png (or " + li.stem() + ".png)"));
            return new FileCheck(image.image(), issues);
        }
        Path maskFile = li.mask().get();
        try {
            MaskDecoding mask = codec.readMask(maskFile);
            if (mask.nonBinaryPixels() > 0) {
                issues.add(DatasetIssue.warning(maskFile, "mask is not binary: " + mask.nonBinaryPixels()
                        + " pixels are neither 0 nor 255; binarised at " + MaskDecoding.THRESHOLD));
            }
            if (mask.mask().area() == 0) {
                issues.add(DatasetIssue.warning(maskFile, "mask has no defect pixel (all below grey level "
                        + MaskDecoding.THRESHOLD + ")"));
            }
            image.image().ifPresent(size -> {
                if (size.width() != mask.mask().width() || size.height() != mask.mask().height()) {
                    issues.add(DatasetIssue.error(maskFile, "size mismatch: mask is " + mask.mask().width() + "×"
                            + mask.mask().height() + " but image " + li.image().getFileName() + " is "
                            + size.width() + "×" + size.height()));
                }
            });
        } catch (ImageDecodeException e) {
            issues.add(DatasetIssue.error(maskFile, problemOf(e, maskFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(maskFile + ": cannot read", e);
        }
        issues.sort(Comparator.comparing(i -> i.file().toString()));
        return new FileCheck(image.image(), issues);
    }

    /** The codec's message starts with the source path; the issue already carries it. */
    private static String problemOf(ImageDecodeException e, Path file) {
        String prefix = file + ": ";
        String m = e.getMessage();
        return "undecodable: " + (m.startsWith(prefix) ? m.substring(prefix.length()) : m);
    }

    private static String stemOfMask(Path mask) {
        String stem = DatasetFiles.stem(mask);
        return stem.endsWith(DatasetFiles.MASK_SUFFIX)
                ? stem.substring(0, stem.length() - DatasetFiles.MASK_SUFFIX.length()) : stem;
    }

    private record Size(int width, int height) {}

    private record FileCheck(Optional<Size> image, List<DatasetIssue> issues) {}
}
