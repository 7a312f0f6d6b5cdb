package org.anomalyforge.trokens.train;

import org.anomalyforge.trokens.model.TestClips;
import org.anomalyforge.trokens.model.TestThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Integration at tiny size (spec §16.2, on token-level synthetic clips): meta-train on 8 base motion
 * directions (of 16), evaluate 300 seeded 5-way 1-shot episodes on 5 novel directions never seen in training.
 */
class FewShotIntegrationTest {

    @BeforeAll
    static void threads() {
        TestThreads.single();
    }

    @Test
    void novelClassesBeatChanceAndTrainingLossFalls() {
        List<LabeledClip> base = new ArrayList<>();
        for (int c = 0; c < 16; c += 2) {
            for (int i = 0; i < 8; i++) {
                base.add(new LabeledClip(TestClips.clip("b" + c + "-" + i, c, 16, 100 + 10 * c + i, 8, 8), "dir" + c,
                        "synthetic"));
            }
        }
        List<LabeledClip> novel = new ArrayList<>();
        for (int c : new int[] {1, 5, 7, 11, 13}) {
            for (int i = 0; i < 6; i++) {
                novel.add(new LabeledClip(TestClips.clip("n" + c + "-" + i, c, 16, 7000 + 10 * c + i, 8, 8), "dir" + c,
                        i % 2 == 0 ? "synthetic" : "user"));
            }
        }
        List<Float> losses = new ArrayList<>();
        TrainingSettings settings = new TrainingSettings(5, 1, 6, 6, 50, 1, new int[0], 1e-3f, 0.5f, 0.1f, 1f, 1f,
                3L, 5, 10);
        TrainedModel model = new EpisodicTrainer(TestClips.config(8), settings, "test").train(base, List.of(),
                new TrainingProgress() {
                    @Override
                    public void onStep(long step, float loss, float learningRate) {
                        losses.add(loss);
                    }
                });
        double first = losses.subList(0, 50).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double last = losses.subList(250, 300).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        assertTrue(last < first, "last-50 mean loss " + last + " must be below first-50 " + first);

        EpisodeReport report = EpisodeEvaluator.evaluate(model, novel, 5, 1, 300, 17);
        assertEquals(300, report.episodes());
        assertTrue(report.meanAccuracy() >= 40.0, report.toJson());
        assertTrue(report.meanAccuracy() - report.ci95() > 25.0, report.toJson());
        assertEquals(5, report.perClassAccuracy().size());
        assertEquals(2, report.perSourceAccuracy().size());
    }
}
