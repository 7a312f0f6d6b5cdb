package org.anomalyforge.segmenter.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping (not its speed: timings are never asserted). */
class LfdBenchmarkTest {
    @Test
    void rowsReportFramesAndMacsConsistently() {
        List<LfdBenchmark.Row> rows = LfdBenchmark.run(List.of(1, 2), 64, 0.05, 1);
        assertEquals(2, rows.size());
        for (LfdBenchmark.Row r : rows) {
            assertEquals(64, r.height());
            // 64×64 is 1/16 of 256×256: 72,560,640 MACs per frame.
            assertEquals(r.framesPerSecond() * 72_560_640L / 1e9, r.gmacsPerSecond(), 1e-9);
            assertEquals(r.forwards() * r.batch() / r.seconds(), r.framesPerSecond(), 1e-9);
        }
        assertEquals(List.of(1, 2), rows.stream().map(LfdBenchmark.Row::batch).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LfdBenchmark.run(List.of(0), 64, 0.01, 0));
        assertEquals("batch sizes must be ≥ 1, got 0", e.getMessage());
    }
}
