package org.anomalyforge.generator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalyforge.generator.SeasTestThreads;
import org.junit.jupiter.api.Test;

/** The benchmark runs on a minimal setting and returns every row with a positive value. */
class SeasBenchmarkTest {

    @Test
    void returnsAllRows() throws Exception {
        SeasTestThreads.single();
        List<BenchmarkRow> rows = SeasBenchmark.run(new BenchmarkSettings(32, 0, 1, 2, 1));
        assertEquals(List.of("env.intra_op_threads", "env.djl", "env.libtorch", "env.cpu", "matmul.1024", "stage0.step",
                "stage1.step", "stage1.steps_per_s", "stage1.train_images_per_s", "generate.batch1.image",
                "generate.batch1.images_per_s", "generate.batch4.image", "generate.batch4.images_per_s", "generate.perlin.pairs_per_s",
                "generate.batch4.vs_perlin"),
                rows.stream().map(BenchmarkRow::name).toList());
        assertEquals(1.0, rows.get(0).value());
        for (BenchmarkRow r : rows.subList(4, rows.size())) {
            assertTrue(r.value() > 0 && Double.isFinite(r.value()), r.toString());
        }
        assertEquals("0.36.0", rows.get(1).note());
    }
}
