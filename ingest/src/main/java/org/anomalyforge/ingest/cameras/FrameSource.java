package org.anomalyforge.ingest.cameras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.DatasetException;
import org.anomalyforge.ingest.dataset.DefectType;
import org.anomalyforge.ingest.dataset.LabeledImage;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.Product;

/**
 * The files a simulator replays and the product they show.
 *
 * <p>{@link #resolve} accepts: an MVTec-layout dataset or product folder (its {@code train/good} and all
 * {@code test/*} images), a plain folder of images (an image-sequence video, sorted by name) and/or MJPG
 * {@code .avi} clips, or a single {@code .avi} file.
 *
 * @param product the product name for the {@code product} header
 * @param files   images ({@code .png .jpg .jpeg .bmp}) and {@code .avi} clips, in replay order, at least one
 */
public record FrameSource(String product, List<Path> files) {

    private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp");
    private static final String VIDEO_EXTENSION = ".avi";

    public FrameSource {
        if (product == null || product.isBlank()) {
            throw new IllegalArgumentException("product must not be blank, got '" + product + "'");
        }
        Objects.requireNonNull(files, "files must not be null");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must name at least one image or clip, got none");
        }
        files = List.copyOf(files);
    }

    /**
     * The files under {@code source}.
     *
     * @param product for a dataset with several products, which one (required then); otherwise the
     *                {@code product} header value (default: the product or folder name)
     * @throws IllegalArgumentException naming {@code source} if it holds nothing to replay
     */
    public static FrameSource resolve(Path source, Optional<String> product) throws IOException {
        if (Files.isRegularFile(source)) {
            if (!isVideo(source)) {
                throw new IllegalArgumentException("source file " + source + " must be an MJPG " + VIDEO_EXTENSION
                        + " clip (or give a folder of images)");
            }
            return new FrameSource(product.orElse(stem(source)), List.of(source));
        }
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("source " + source + " does not exist");
        }
        if (looksLikeDataset(source)) {
            return fromDataset(source, product);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(source)) {
            files = list.filter(Files::isRegularFile).filter(p -> isImage(p) || isVideo(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("source folder " + source + " holds no images ("
                    + String.join(" ", IMAGE_EXTENSIONS) + ") or " + VIDEO_EXTENSION
                    + " clips, and is no MVTec-layout dataset");
        }
        return new FrameSource(product.orElse(source.toAbsolutePath().normalize().getFileName().toString()), files);
    }

    static boolean isVideo(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(VIDEO_EXTENSION);
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static FrameSource fromDataset(Path root, Optional<String> wanted) throws IOException {
        Dataset dataset;
        try {
            dataset = new MvtecDatasetReader().read(root);
        } catch (DatasetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Product product;
        if (dataset.products().size() == 1 && wanted.isEmpty()) {
            product = dataset.products().get(0);
        } else if (wanted.isEmpty()) {
            throw new IllegalArgumentException("dataset " + root + " has " + dataset.products().size()
                    + " products " + dataset.productNames() + ": choose one with --product");
        } else {
            product = dataset.product(wanted.get()).or(() -> dataset.products().size() == 1
                    ? Optional.of(dataset.products().get(0)) : Optional.empty())
                    .orElseThrow(() -> new IllegalArgumentException("dataset " + root + " has no product '"
                            + wanted.get() + "', it has " + dataset.productNames()));
        }
        List<Path> files = new ArrayList<>(product.trainGood());
        files.addAll(product.testGood());
        for (DefectType defect : product.defects()) {
            defect.images().stream().map(LabeledImage::image).forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("product " + product.root() + " has no train/good or test images");
        }
        return new FrameSource(wanted.orElse(product.name()), files);
    }

    private static boolean looksLikeDataset(Path dir) throws IOException {
        if (isProduct(dir)) {
            return true;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.anyMatch(FrameSource::isProduct);
        }
    }

    private static boolean isProduct(Path dir) {
        return Files.isDirectory(dir.resolve("train")) || Files.isDirectory(dir.resolve("test"));
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
