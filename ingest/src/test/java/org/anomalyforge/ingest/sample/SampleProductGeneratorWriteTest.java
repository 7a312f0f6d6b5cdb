package org.anomalyforge.ingest.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.image.MaskDecoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProductGeneratorWriteTest {

    private final ImageCodec codec = ImageCodec.withDefaults();
    private final SampleProductGenerator generator = new SampleProductGenerator(codec);
    private final SampleSpec tiny = new SampleSpec(List.of(ProductKind.TILE, ProductKind.FABRIC), 5L, 128, 2, 1, 1);

    @Test
    void writesTheExactMvtecTree(@TempDir Path out) throws IOException {
        List<int[]> progress = new ArrayList<>();
        generator.write(out, tiny, (done, total) -> progress.add(new int[] {done, total}));

        List<String> expected = List.of(
                "fabric/ground_truth/hole/000_mask.png",
                "fabric/ground_truth/stain/000_mask.png",
                "fabric/ground_truth/thread/000_mask.png",
                "fabric/test/good/000.png",
                "fabric/test/hole/000.png",
                "fabric/test/stain/000.png",
                "fabric/test/thread/000.png",
                "fabric/train/good/000.png",
                "fabric/train/good/001.png",
                "tile/ground_truth/chip/000_mask.png",
                "tile/ground_truth/crack/000_mask.png",
                "tile/ground_truth/stain/000_mask.png",
                "tile/test/chip/000.png",
                "tile/test/crack/000.png",
                "tile/test/good/000.png",
                "tile/test/stain/000.png",
                "tile/train/good/000.png",
                "tile/train/good/001.png");
        assertEquals(expected, relativeFiles(out));

        // 2 products × (2 train + 1 test good + 3 defect types × 1) = 12 images, reported in order.
        assertEquals(12, tiny.totalImages());
        assertEquals(12, progress.size());
        for (int i = 0; i < progress.size(); i++) {
            assertEquals(i + 1, progress.get(i)[0]);
            assertEquals(12, progress.get(i)[1]);
        }
    }

    @Test
    void writtenFilesDecodeToTheRenderedImageAndMask(@TempDir Path out) throws IOException {
        generator.write(out, tiny, ProgressListener.NONE);
        SampleImage crack = SampleProductGenerator.render(ProductKind.TILE, "test", Optional.of("crack"), 0, 5L, 128);
        assertEquals(crack.image(), codec.read(out.resolve("tile/test/crack/000.png")));
        MaskDecoding mask = codec.readMask(out.resolve("tile/ground_truth/crack/000_mask.png"));
        assertEquals(crack.mask(), mask.mask());
        assertEquals(0, mask.nonBinaryPixels(), "mask must be strictly 0/255");
        for (String defect : ProductKind.FABRIC.defectTypes()) {
            MaskDecoding m = codec.readMask(out.resolve("fabric/ground_truth/" + defect + "/000_mask.png"));
            assertEquals(128, m.mask().width());
            assertEquals(128, m.mask().height());
            assertTrue(m.mask().area() > 0, defect + " mask is empty");
        }
        assertEquals(SampleProductGenerator.render(ProductKind.FABRIC, "train", Optional.empty(), 1, 5L, 128).image(),
                codec.read(out.resolve("fabric/train/good/001.png")));
    }

    @Test
    void refusesANonEmptyProductFolderBeforeWritingAnything(@TempDir Path out) throws IOException {
        Path fabric = out.resolve("fabric");
        Files.createDirectories(fabric);
        Files.writeString(fabric.resolve("notes.txt"), "keep me");

        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> generator.write(out, tiny, ProgressListener.NONE));
        assertEquals(fabric.toString(), e.getFile());
        assertTrue(e.getMessage().startsWith(fabric + ": product folder exists and is not empty"), e.getMessage());
        // The tile folder comes first in the spec, yet nothing was written: all folders are checked first.
        assertFalse(Files.exists(out.resolve("tile")));
        assertEquals(List.of("fabric/notes.txt"), relativeFiles(out));
    }

    @Test
    void refusesAFileWhereAProductFolderBelongs(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("tile"), "not a folder");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> generator.write(out, tiny, ProgressListener.NONE));
        assertEquals(out.resolve("tile") + ": exists and is not a folder; refusing to write the sample product there",
                e.getMessage());
    }

    @Test
    void acceptsAnEmptyExistingProductFolder(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("fabric"));
        generator.write(out, tiny.withProducts(List.of(ProductKind.FABRIC)), ProgressListener.NONE);
        assertEquals(9, relativeFiles(out).size());
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
