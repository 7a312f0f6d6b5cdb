package org.anomalyforge.segmenter.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.anomalyforge.ingest.store.ModelStore;
import org.anomalyforge.ingest.store.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trainer-state.json round trip, including NaN metrics (validation without normals), and the selection rule. */
class TrainerStateJsonTest {

    @TempDir
    Path store;

    @Test
    void roundTripsWithNaN() throws Exception {
        RunWriter run = new ModelStore(store).create("widget", "lfd");
        ValidationSummary v1 = new ValidationSummary(1, 0.5, 0.9, Double.NaN, Double.NaN, 0.4, 0.7, 0.3f, 0.6,
                0.8f, 1.0);
        ValidationSummary v2 = new ValidationSummary(2, 0.5, 0.91, Double.NaN, Double.NaN, 0.45, 0.72, 0.35f, 0.61,
                0.85f, 1.0);
        TrainerState state = TrainerState.fresh("key", 42).after(2, 10, List.of(0.9, 0.4), v1, v1)
                .after(2, 10, List.of(0.9, 0.4), v2, v2);
        run.writeAtomically(Checkpoints.STATE, Checkpoints.json(state));
        TrainerState back = new Checkpoints(run).readState().orElseThrow();
        assertEquals(state, back);
        assertTrue(Double.isNaN(back.best().imageAuroc()));
        assertFalse(back.best().asMetrics().containsKey("val.image_auroc"));   // NaN is left out of the manifest
        assertEquals(2.0, back.best().asMetrics().get("selected_epoch"));
    }

    @Test
    void tiesGoToTheLaterEpochAndNaNLoses() {
        ValidationSummary a = new ValidationSummary(1, 0.5, 0, 0, 0, 0, 0, 0.5f, 0, 0.5f, 0);
        ValidationSummary b = new ValidationSummary(2, 0.5, 0, 0, 0, 0, 0, 0.5f, 0, 0.5f, 0);
        ValidationSummary nan = new ValidationSummary(3, Double.NaN, 0, 0, 0, 0, 0, 0.5f, 0, 0.5f, 0);
        ValidationSummary worse = new ValidationSummary(4, 0.4, 0, 0, 0, 0, 0, 0.5f, 0, 0.5f, 0);
        assertTrue(a.beats(null));
        assertTrue(b.beats(a));
        assertFalse(nan.beats(b));
        assertTrue(b.beats(nan));
        assertFalse(worse.beats(b));
    }
}
