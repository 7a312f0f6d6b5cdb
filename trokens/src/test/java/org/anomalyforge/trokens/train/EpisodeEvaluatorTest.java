package org.anomalyforge.trokens.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Evaluation over hand-made embeddings (T = 2, d = 3). */
class EpisodeEvaluatorTest {

    @Test
    void separableEmbeddingsScoreHundredPercentWithZeroInterval() {
        List<String> labels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 4; i++) {
                labels.add("k" + c);
                sources.add(i < 2 ? "synthetic" : "user");
                float[] e = new float[6];
                e[c] = 1 + i; // frame 0 points along axis c
                e[3 + c] = 2; // frame 1 too
                embeddings.add(e);
            }
        }
        EpisodeReport r = EpisodeEvaluator.evaluate(embeddings.toArray(float[][]::new), 2, labels, sources, 3, 1,
                20, 5);
        assertEquals(100.0, r.meanAccuracy(), 0);
        assertEquals(0.0, r.ci95(), 0);
        assertEquals(List.of("k0", "k1", "k2"), r.classes());
        long queries = 0;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 3; p++) {
                if (p != c) {
                    assertEquals(0, r.confusion()[c][p]);
                }
            }
            queries += r.confusion()[c][c];
        }
        assertEquals(60, queries);
        assertEquals(java.util.Map.of("synthetic", 100.0, "user", 100.0), r.perSourceAccuracy());
        assertEquals(100.0, r.perClassAccuracy().get("k1"), 0);
    }

    @Test
    void indistinguishableEmbeddingsAlwaysPickTheFirstClass() {
        List<String> labels = List.of("a", "a", "b", "b");
        float[][] same = {{1, 0}, {1, 0}, {1, 0}, {1, 0}}; // T 1, d 2: every score ties, arg-max picks class 0
        EpisodeReport r = EpisodeEvaluator.evaluate(same, 1, labels, List.of("s", "s", "s", "s"), 2, 1, 10, 1);
        assertEquals(50.0, r.meanAccuracy(), 1e-12);
        assertEquals(0.0, r.ci95(), 1e-12);
        // the class listed first in each episode wins every tie, so the per-class accuracies sum to 100 %
        assertEquals(100.0, r.perClassAccuracy().get("a") + r.perClassAccuracy().get("b"), 1e-12);
    }
}
