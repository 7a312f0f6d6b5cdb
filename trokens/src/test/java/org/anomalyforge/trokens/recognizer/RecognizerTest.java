package org.anomalyforge.trokens.recognizer;

import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunRef;
import org.anomalyforge.trokens.model.PrecomputedClip;
import org.anomalyforge.trokens.model.TestClips;
import org.anomalyforge.trokens.model.TestThreads;
import org.anomalyforge.trokens.train.EpisodicTrainer;
import org.anomalyforge.trokens.train.TrainedModel;
import org.anomalyforge.trokens.train.TrainingProgress;
import org.anomalyforge.trokens.train.TrainingSettings;
import org.anomalyforge.trokens.train.LabeledClip;
import org.anomalyforge.trokens.train.TrokensCheckpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade: store round trip with identical predictions, support registration and classification. */
class RecognizerTest {

    @TempDir
    static Path dir;

    private static TrainedModel model;

    @BeforeAll
    static void train() {
        TestThreads.single();
        List<LabeledClip> clips = new ArrayList<>();
        for (int c = 0; c < 16; c += 2) {
            for (int i = 0; i < 7; i++) {
                clips.add(new LabeledClip(TestClips.clip("b" + c + i, c, 16, 100 + 10 * c + i, 8, 8), "base" + c,
                        "synthetic"));
            }
        }
        TrainingSettings settings = new TrainingSettings(5, 1, 6, 4, 50, 1, new int[0], 1e-3f, 0.5f, 0.1f, 1f, 1f,
                3L, 5, 10);
        model = new EpisodicTrainer(TestClips.config(8), settings, "enc").train(clips, List.of(),
                TrainingProgress.NONE);
    }

    @Test
    void loadedRecognizerPredictsExactlyLikeTheTrainedOne() throws IOException {
        RunRef run = TrokensCheckpoint.save(model, new ModelStore(dir.resolve("store")), "demo", "test", "fp");
        PrecomputedClip query = TestClips.clip("q", 3, 8, 77, 8, 8);
        try (Recognizer a = Recognizer.of(model); Recognizer b = Recognizer.load(run.dir())) {
            for (Recognizer r : List.of(a, b)) {
                r.registerSupport("left", List.of(TestClips.clip("s1", 3, 8, 1, 8, 8), TestClips.clip("s2", 3, 8, 2,
                        8, 8)));
                r.registerSupport("right", List.of(TestClips.clip("s3", 7, 8, 3, 8, 8)));
            }
            Classification ca = a.classify(query);
            Classification cb = b.classify(query);
            assertEquals(ca, cb);
            assertEquals(List.of("left", "right"), List.copyOf(ca.scores().keySet()));
            float[][] ea = a.embed(query);
            float[][] eb = b.embed(query);
            assertEquals(8, ea.length);
            assertEquals(32, ea[0].length);
            for (int t = 0; t < 8; t++) {
                assertArrayEquals(ea[t], eb[t], 0f);
            }
            assertEquals("enc", b.encoderId());
        }
    }

    @Test
    void classifiesTrainedDirectionsWithSoftmaxConfidence() {
        try (Recognizer r = Recognizer.of(model)) {
            assertThrows(IllegalStateException.class, () -> r.classify(TestClips.clip("q", 1, 8, 5, 8, 8)));
            for (int c : new int[] {0, 4, 8, 12}) {
                List<PrecomputedClip> support = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    support.add(TestClips.clip("s" + c + i, c, 16, 500 + 10 * c + i, 8, 8));
                }
                r.registerSupport("dir" + c, support);
            }
            int correct = 0;
            for (int c : new int[] {0, 4, 8, 12}) {
                for (int i = 0; i < 5; i++) {
                    Classification result = r.classify(TestClips.clip("q" + c + i, c, 16, 900 + 10 * c + i, 8, 8));
                    correct += result.label().equals("dir" + c) ? 1 : 0;
                    Map<String, Double> scores = result.scores();
                    double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                    assertEquals(max, scores.get(result.label()), 0);
                    double z = scores.values().stream().mapToDouble(s -> Math.exp(s - max)).sum();
                    assertEquals(1 / z, result.confidence(), 1e-5);
                }
            }
            assertTrue(correct >= 14, "directions: " + correct + " of 20 correct (chance 5); training "
                    + model.metrics() + ", threads " + ai.djl.pytorch.jni.JniUtils.getNumThreads() + ", "
                    + Thread.currentThread().getName());
        }
    }

    @Test
    void clipOfTheWrongSizeIsRefusedNamingTheField() {
        try (Recognizer r = Recognizer.of(model)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> r.registerSupport("x", List.of(TestClips.clip("wide", 0, 8, 1, 12, 8))));
            assertEquals("clip wide: points M must be 8 for this model, got 12", e.getMessage());
        }
    }
}
