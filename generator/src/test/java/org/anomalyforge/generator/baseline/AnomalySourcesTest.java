package org.anomalyforge.generator.baseline;

import static org.anomalyforge.generator.baseline.PerlinAnomalyGeneratorTest.solid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.Test;

class AnomalySourcesTest {

    @Test
    void everyProceduralPatternIsDeterministicAndNotFlat() {
        for (TexturePattern pattern : TexturePattern.values()) {
            ProceduralTextureSource source = new ProceduralTextureSource(List.of(pattern));
            RgbImage a = source.texture(64, 40, new SplittableRandom(9));
            RgbImage b = source.texture(64, 40, new SplittableRandom(9));
            RgbImage c = source.texture(64, 40, new SplittableRandom(10));
            assertEquals(64, a.width());
            assertEquals(40, a.height());
            assertEquals(a, b, pattern + " must be a pure function of the stream");
            assertNotEquals(a, c, pattern + " must depend on the stream");
            assertTrue(distinctColours(a) >= 2, pattern + " drew a flat image");
        }
    }

    @Test
    void proceduralSourceUsesEveryConfiguredPattern() {
        // STRIPES and SPECKLE have exactly 2 and 3 colours; NOISE blends smoothly, so many more.
        ProceduralTextureSource source = ProceduralTextureSource.allPatterns();
        Set<Boolean> smooth = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            smooth.add(distinctColours(source.texture(32, 32, new SplittableRandom(seed))) > 3);
        }
        assertEquals(Set.of(true, false), smooth);
    }

    @Test
    void proceduralSourceRejectsEmptyAndRepeatedPatterns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProceduralTextureSource(List.of()));
        assertEquals("patterns must name at least one TexturePattern, got []", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ProceduralTextureSource(List.of(TexturePattern.NOISE, TexturePattern.NOISE)));
        assertEquals("patterns must not repeat a pattern, got [NOISE, NOISE]", e.getMessage());
    }

    @Test
    void imageSourceResizesAPoolImageAndIsIsolatedFromLaterChanges() {
        RgbImage red = solid(12, 9, 0);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 12; x++) {
                red.set(x, y, 200, 10, 30);
            }
        }
        ImageAnomalySource source = new ImageAnomalySource(List.of(red));
        red.set(0, 0, 0, 0, 0);
        RgbImage texture = source.texture(4, 6, new SplittableRandom(1));
        assertEquals(4, texture.width());
        assertEquals(6, texture.height());
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(List.of(200, 10, 30), List.of(texture.get(x, y, 0), texture.get(x, y, 1),
                        texture.get(x, y, 2)), "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void imageSourcePicksFromTheWholePool() {
        ImageAnomalySource source = new ImageAnomalySource(List.of(solid(8, 8, 10), solid(8, 8, 90), solid(8, 8, 250)));
        Set<Integer> seen = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            seen.add(source.texture(8, 8, new SplittableRandom(seed)).get(0, 0, 0));
        }
        assertEquals(Set.of(10, 90, 250), seen);
    }

    @Test
    void imageSourceRejectsAnEmptyPool() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageAnomalySource(List.of()));
        assertEquals("pool must hold at least one image, got []", e.getMessage());
    }

    @Test
    void augmentedSourceAppliesTheDrawnAugmentations() {
        AnomalySource grey = (w, h, rng) -> solid(w, h, 100);
        RgbImage inverted = new AugmentedAnomalySource(grey, List.of(SourceAugmentation.INVERT), 1)
                .texture(3, 2, new SplittableRandom(0));
        assertEquals(solid(3, 2, 155), inverted);
        RgbImage untouched = new AugmentedAnomalySource(grey, List.of(SourceAugmentation.INVERT), 0)
                .texture(3, 2, new SplittableRandom(0));
        assertEquals(solid(3, 2, 100), untouched);
    }

    @Test
    void augmentedSourceDrawsDistinctAugmentations() {
        // INVERT twice would give back the input; two distinct draws from {INVERT, POSTERIZE} never do.
        AnomalySource grey = (w, h, rng) -> solid(w, h, 100);
        AugmentedAnomalySource both = new AugmentedAnomalySource(grey,
                List.of(SourceAugmentation.INVERT, SourceAugmentation.POSTERIZE), 2);
        for (long seed = 0; seed < 10; seed++) {
            assertNotEquals(solid(3, 2, 100), both.texture(3, 2, new SplittableRandom(seed)), "seed " + seed);
        }
    }

    @Test
    void augmentedSourceRejectsMoreAugmentationsThanChoices() {
        AnomalySource grey = (w, h, rng) -> solid(w, h, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AugmentedAnomalySource(grey, List.of(SourceAugmentation.INVERT), 2));
        assertEquals("count must be in [0, choices.size() = 1], got 2", e.getMessage());
    }

    @Test
    void draemAugmentationKeepsSizeAndIsDeterministic() {
        AugmentedAnomalySource source = AugmentedAnomalySource.draem(ProceduralTextureSource.allPatterns());
        RgbImage a = source.texture(20, 30, new SplittableRandom(4));
        assertEquals(20, a.width());
        assertEquals(30, a.height());
        assertArrayEquals(a.pixels(), source.texture(20, 30, new SplittableRandom(4)).pixels());
    }

    private static int distinctColours(RgbImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                colours.add(image.get(x, y, 0) << 16 | image.get(x, y, 1) << 8 | image.get(x, y, 2));
            }
        }
        return colours.size();
    }
}
