package org.anomalyforge.generator.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.anomalyforge.generator.SeasTestProduct;
import org.anomalyforge.generator.SeasTestThreads;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.sampling.SchedulerKind;
import org.anomalyforge.generator.training.GradMode;
import org.anomalyforge.generator.training.ImagePreprocessor;
import org.anomalyforge.generator.training.ProfileSettings;
import org.anomalyforge.ingest.image.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** seas.md §14.1 #13 on a seeded (untrained) tiny model: seeds reproduce images, batches do not change noise. */
class SeasSamplerTest {

    private static NDManager root;
    private static SeasModels models;
    private static float[] reference;

    @BeforeAll
    static void build() throws Exception {
        SeasTestThreads.single();
        GradMode.off();
        root = NDManager.newBaseManager();
        models = SeasModels.freshTiny(ProfileSettings.tinyAt(32), List.of("blob", "scratch"), 21, root);
        reference = new ImagePreprocessor(32).image(SeasTestProduct.normals(1, 32, 8).get(0), "reference");
    }

    @AfterAll
    static void close() {
        models.close();
        root.close();
    }

    private static List<RgbImage> sample(SchedulerKind kind, SampleSpec... specs) {
        return new SeasSampler(models).sample(List.of(specs), kind, 5);
    }

    @Test
    void sameSeedSameImageDifferentSeedsDiffer() {
        SampleSpec a = new SampleSpec("a ob1 with sks1 sks2 sks3 sks4", 42, 3.0, reference);
        RgbImage first = sample(SchedulerKind.DPM, a).get(0);
        assertEquals(first, sample(SchedulerKind.DPM, a).get(0));
        assertNotEquals(first, sample(SchedulerKind.DPM, new SampleSpec(a.prompt(), 43, 3.0, reference)).get(0));
        assertNotEquals(first, sample(SchedulerKind.DDIM, a).get(0));
        assertNotEquals(first, sample(SchedulerKind.DPM, new SampleSpec(a.prompt(), 42, 3.0, null)).get(0));
        assertEquals(32, first.width());
    }

    @Test
    void anImageDoesNotDependOnItsBatchMates() {
        SampleSpec a = new SampleSpec("a ob1 with sks5 sks6 sks7 sks8", 7, 2.0, reference);
        SampleSpec b = new SampleSpec("a ob1", 8, 5.0, null);
        RgbImage alone = sample(SchedulerKind.DPM, a).get(0);
        List<RgbImage> pair = sample(SchedulerKind.DPM, b, a);
        // same noise per image; pixels may differ only by floating-point reassociation across batch sizes (§9.4)
        assertTrue(maxDifference(alone, pair.get(1)) <= 2, "max difference " + maxDifference(alone, pair.get(1)));
        int before = ((ai.djl.ndarray.BaseNDManager) root).getManagedArrays().size();
        assertEquals(pair, sample(SchedulerKind.DPM, b, a));
        assertEquals(before, ((ai.djl.ndarray.BaseNDManager) root).getManagedArrays().size());
    }

    @Test
    void inputsAreChecked() {
        SeasSampler sampler = new SeasSampler(models);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sampler.sample(
                List.of(new SampleSpec("a ob1", 1, 1.0, new float[5])), SchedulerKind.DPM, 5));
        assertEquals("reference of image 0 must be [3, 32, 32] = 3072 floats, got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sampler.sample(
                List.of(new SampleSpec("a ob1", 1, 1.0, null)), SchedulerKind.DDPM, 5));
        assertEquals("sampler must be DPM or DDIM (deterministic solvers), got DDPM", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sampler.sample(List.of(), SchedulerKind.DPM, 5));
        assertEquals("sampler batch must hold at least one image, got none", e.getMessage());
    }

    private static int maxDifference(RgbImage x, RgbImage y) {
        int max = 0;
        for (int i = 0; i < x.pixels().length; i++) {
            max = Math.max(max, Math.abs((x.pixels()[i] & 0xff) - (y.pixels()[i] & 0xff)));
        }
        return max;
    }
}
