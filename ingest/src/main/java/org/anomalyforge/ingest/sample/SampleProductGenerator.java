package org.anomalyforge.ingest.sample;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.anomalyforge.ingest.image.BinaryMask;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * Renders seeded procedural sample products with exact defect masks and writes them in the MVTec AD layout:
 *
 * <pre>
 * &lt;out&gt;/&lt;product&gt;/train/good/NNN.png
 * &lt;out&gt;/&lt;product&gt;/test/good/NNN.png
 * &lt;out&gt;/&lt;product&gt;/test/&lt;defect&gt;/NNN.png
 * &lt;out&gt;/&lt;product&gt;/ground_truth/&lt;defect&gt;/NNN_mask.png   (0/255, same size as the image)
 * </pre>
 *
 * <p>Every image is a pure function of (seed, product, split, defect, index, size): it has its own random
 * streams, so output is byte-identical across runs and independent of rendering order. A defect image is its
 * defect-free surface ({@link #renderSurface}) with the defect painted inside the mask only.
 *
 * <p>Thread-safe: rendering is stateless and the codec is immutable.
 */
public final class SampleProductGenerator {

    public static final String TRAIN = "train";
    public static final String TEST = "test";
    /** The MVTec group name of defect-free images. */
    public static final String GOOD = "good";

    private final ImageCodec codec;

    /** @param codec writes the PNG files of {@link #write} */
    public SampleProductGenerator(ImageCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec must not be null");
    }

    /**
     * Renders one sample.
     *
     * @param split  {@link #TRAIN} (good images only) or {@link #TEST}
     * @param defect empty for a good image, else one of {@code kind.defectTypes()} (test split only)
     * @param index  image number within its group, ≥ 0
     * @param size   width and height in pixels, {@value SampleSpec#MIN_SIZE}..{@value SampleSpec#MAX_SIZE}
     * @return the image and its mask; the mask is empty for a good image
     */
    public static SampleImage render(ProductKind kind, String split, Optional<String> defect, int index, long seed,
                                     int size) {
        ProductSurface surface = surface(kind, split, defect, index, seed, size);
        RgbImage clean = surface.render();
        if (defect.isEmpty()) {
            return new SampleImage(clean, BinaryMask.empty(size, size));
        }
        SplittableRandom random = ImageSeed.random(seed, kind, split, defect, index, ImageSeed.DEFECT_STREAM);
        return surface.paintDefect(defect.get(), clean, random);
    }

    /**
     * The defect-free surface that {@link #render} with the same arguments paints its defect on; for a good
     * image, the image itself. Pixels outside a defect image's mask equal this surface exactly.
     */
    public static RgbImage renderSurface(ProductKind kind, String split, Optional<String> defect, int index,
                                         long seed, int size) {
        return surface(kind, split, defect, index, seed, size).render();
    }

    /**
     * Writes the whole MVTec tree of {@code spec} under {@code out}. Before writing anything it checks every
     * product folder: one that exists and is not an empty folder is refused, so nothing is overwritten.
     *
     * @param listener told after every image (with its mask, if any) is on disk
     * @throws FileAlreadyExistsException naming the first product folder that exists and is not empty
     */
    public void write(Path out, SampleSpec spec, ProgressListener listener) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        for (ProductKind kind : spec.products()) {
            refuseExisting(out.resolve(kind.folderName()));
        }
        int total = spec.totalImages();
        int done = 0;
        for (ProductKind kind : spec.products()) {
            Path productDir = out.resolve(kind.folderName());
            for (int i = 0; i < spec.trainGood(); i++) {
                writeSample(productDir, kind, TRAIN, Optional.empty(), i, spec);
                listener.onImage(++done, total);
            }
            for (int i = 0; i < spec.testGood(); i++) {
                writeSample(productDir, kind, TEST, Optional.empty(), i, spec);
                listener.onImage(++done, total);
            }
            for (String defect : kind.defectTypes()) {
                for (int i = 0; i < spec.perDefect(); i++) {
                    writeSample(productDir, kind, TEST, Optional.of(defect), i, spec);
                    listener.onImage(++done, total);
                }
            }
        }
    }

    private void writeSample(Path productDir, ProductKind kind, String split, Optional<String> defect, int index,
                             SampleSpec spec) throws IOException {
        SampleImage sample = render(kind, split, defect, index, spec.seed(), spec.size());
        String stem = String.format(Locale.ROOT, "%03d", index);
        codec.writePng(productDir.resolve(split).resolve(defect.orElse(GOOD)).resolve(stem + ".png"), sample.image());
        if (defect.isPresent()) {
            codec.writeMaskPng(productDir.resolve("ground_truth").resolve(defect.get()).resolve(stem + "_mask.png"),
                    sample.mask());
        }
    }

    private static void refuseExisting(Path productDir) throws IOException {
        if (!Files.exists(productDir)) {
            return;
        }
        if (!Files.isDirectory(productDir)) {
            throw new FileAlreadyExistsException(productDir.toString(), null,
                    "exists and is not a folder; refusing to write the sample product there");
        }
        try (Stream<Path> entries = Files.list(productDir)) {
            if (entries.findAny().isPresent()) {
                throw new FileAlreadyExistsException(productDir.toString(), null,
                        "product folder exists and is not empty; refusing to overwrite it"
                                + " (choose another output folder or delete this one)");
            }
        }
    }

    private static ProductSurface surface(ProductKind kind, String split, Optional<String> defect, int index,
                                          long seed, int size) {
        checkArguments(kind, split, defect, index, size);
        SplittableRandom random = ImageSeed.random(seed, kind, split, defect, index, ImageSeed.SURFACE_STREAM);
        return switch (kind) {
            case FABRIC -> WovenFabric.sample(random, size);
            case METAL -> BrushedMetal.sample(random, size);
            case TILE -> GlazedTile.sample(random, size);
        };
    }

    private static void checkArguments(ProductKind kind, String split, Optional<String> defect, int index,
                                       int size) {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(defect, "defect must not be null (use Optional.empty() for a good image)");
        if (!TRAIN.equals(split) && !TEST.equals(split)) {
            throw new IllegalArgumentException("split must be '" + TRAIN + "' or '" + TEST + "', got "
                    + (split == null ? "null" : "'" + split + "'"));
        }
        if (defect.isPresent()) {
            if (TRAIN.equals(split)) {
                throw new IllegalArgumentException("split 'train' holds only good images, got defect '"
                        + defect.get() + "'");
            }
            if (!kind.defectTypes().contains(defect.get())) {
                throw new IllegalArgumentException("defect must be one of " + kind.defectTypes() + " for "
                        + kind.folderName() + ", got '" + defect.get() + "'");
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must be ≥ 0, got " + index);
        }
        if (size < SampleSpec.MIN_SIZE || size > SampleSpec.MAX_SIZE) {
            throw new IllegalArgumentException("size must be in " + SampleSpec.MIN_SIZE + ".." + SampleSpec.MAX_SIZE
                    + ", got " + size);
        }
    }
}
