package org.anomalyforge.trokens.train;

import org.anomalyforge.trokens.model.TestClips;

import java.util.ArrayList;
import java.util.List;

/** Labelled synthetic clips and tiny settings shared by the training tests. */
final class TrainingFixtures {

    private TrainingFixtures() {}

    /** {@code perClass} clips of each class {@code first .. first + count − 1} (of 8 directions). */
    static List<LabeledClip> clips(int first, int count, int perClass, long seed) {
        List<LabeledClip> out = new ArrayList<>();
        for (int c = first; c < first + count; c++) {
            for (int i = 0; i < perClass; i++) {
                out.add(new LabeledClip(TestClips.clip("c" + c + "-" + i, c, 8, seed + 1000L * c + i, 8, 8),
                        "class" + c, i % 2 == 0 ? "synthetic" : "user"));
            }
        }
        return out;
    }

    /** 3-way 1-shot, 2 queries, {@code epochs} × {@code perEpoch} episodes, lr 1e-3 without warm-up. */
    static TrainingSettings tiny(int epochs, int perEpoch) {
        return new TrainingSettings(3, 1, 2, epochs, perEpoch, 0, new int[0], 1e-3f, 0.5f, 0.1f, 1f, 1f, 11L, 2, 30);
    }
}
