package org.anomalyforge.segmenter.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.anomalyforge.segmenter.SampleOrigin;
import org.anomalyforge.segmenter.TrainingSample;
import org.junit.jupiter.api.Test;

/** §5.7 split counts on hand-made sample lists (images are placeholder bytes; the split never decodes). */
class ValidationSplitTest {

    private static final byte[] BYTES = {1};

    private static void add(List<TrainingSample> list, SampleOrigin origin, String type, int count) {
        for (int i = 0; i < count; i++) {
            String id = origin + "-" + type + "-" + i;
            list.add(origin == SampleOrigin.NORMAL ? new TrainingSample(id, origin, null, BYTES, null)
                    : new TrainingSample(id, origin, type, BYTES, BYTES));
        }
    }

    private static long count(List<TrainingSample> list, SampleOrigin origin, String type) {
        return list.stream().filter(s -> s.origin() == origin && (type == null || type.equals(s.defectType())))
                .count();
    }

    @Test
    void tenPercentOfEachGeneratedTypeAndOfNormals() {
        List<TrainingSample> all = new ArrayList<>();
        add(all, SampleOrigin.GENERATED, "crack", 25);     // ⌊2.5⌋ = 2
        add(all, SampleOrigin.GENERATED, "hole", 5);       // ⌊0.5⌋ raised to 1
        add(all, SampleOrigin.GENERATED, "stain", 1);      // a single pair stays in training
        add(all, SampleOrigin.REAL_SHOT, "crack", 3);      // real shots always train
        add(all, SampleOrigin.NORMAL, null, 12);           // 1
        ValidationSplit split = ValidationSplit.of(all, 42);
        assertEquals(2, count(split.validation(), SampleOrigin.GENERATED, "crack"));
        assertEquals(1, count(split.validation(), SampleOrigin.GENERATED, "hole"));
        assertEquals(0, count(split.validation(), SampleOrigin.GENERATED, "stain"));
        assertEquals(0, count(split.validation(), SampleOrigin.REAL_SHOT, null));
        assertEquals(1, count(split.validation(), SampleOrigin.NORMAL, null));
        assertEquals(4, split.validation().size());
        assertEquals(46 - 4, split.training().size());
        assertFalse(split.fallback());
    }

    @Test
    void withoutGeneratedPairsRealShotsOfTypesWithTwoOrMoreAreUsed() {
        List<TrainingSample> all = new ArrayList<>();
        add(all, SampleOrigin.REAL_SHOT, "crack", 3);
        add(all, SampleOrigin.REAL_SHOT, "hole", 1);
        add(all, SampleOrigin.NORMAL, null, 30);
        ValidationSplit split = ValidationSplit.of(all, 42);
        assertEquals(1, count(split.validation(), SampleOrigin.REAL_SHOT, "crack"));
        assertEquals(0, count(split.validation(), SampleOrigin.REAL_SHOT, "hole"));
        assertEquals(3, count(split.validation(), SampleOrigin.NORMAL, null));
        assertTrue(split.fallback());
    }

    @Test
    void seededReproducibleAndSorted() {
        List<TrainingSample> all = new ArrayList<>();
        add(all, SampleOrigin.GENERATED, "crack", 40);
        add(all, SampleOrigin.NORMAL, null, 40);
        ValidationSplit a = ValidationSplit.of(all, 7);
        List<TrainingSample> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        ValidationSplit b = ValidationSplit.of(reversed, 7);
        assertEquals(a.validation(), b.validation());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), ValidationSplit.of(all, 8).fingerprint());
        for (int i = 1; i < a.training().size(); i++) {
            assertTrue(a.training().get(i - 1).id().compareTo(a.training().get(i).id()) < 0);
        }
    }

    @Test
    void refusesAValidationSetWithoutDefects() {
        List<TrainingSample> all = new ArrayList<>();
        add(all, SampleOrigin.REAL_SHOT, "crack", 1);
        add(all, SampleOrigin.NORMAL, null, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValidationSplit.of(all, 42));
        assertTrue(e.getMessage().startsWith("validation needs at least one defect sample"), e.getMessage());
    }
}
