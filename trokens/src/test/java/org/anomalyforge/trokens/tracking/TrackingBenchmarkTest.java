package org.anomalyforge.trokens.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalyforge.trokens.clips.FrameSampler;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.encoders.PatchDescriptorEncoder;
import org.anomalyforge.trokens.sampling.SamplingMode;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.anomalyforge.trokens.synthetic.ActionClipSynthesizer;
import org.anomalyforge.trokens.synthetic.SynthesisConfig;
import org.junit.jupiter.api.Test;

class TrackingBenchmarkTest {

    @Test
    void producesOneRowPerModeAndMWithGridBaseline() {
        ActionClipSynthesizer synth = new ActionClipSynthesizer(SynthesisConfig.DEFAULT,
                ActionClipSynthesizer.sampleProductTextures(1, 3));
        TrackingFrames clip = FrameSampler.DEFAULT.toTrackingFrames(
                synth.render("b", ActionClass.fromLabel("pass_left"), 2).toClipFrames());
        TrackingBenchmark bench = new TrackingBenchmark(new PatchDescriptorEncoder(), PyramidalLkTracker.withDefaults(),
                PipelineConfig.descriptorCpu());
        List<BenchmarkRow> rows = bench.run(List.of(clip), List.of(SamplingMode.BIPARTITE, SamplingMode.KMEANS),
                List.of(32));
        assertEquals(3, rows.size());
        assertEquals(SamplingMode.GRID, rows.get(0).mode());
        assertEquals(1.0, rows.get(0).ratioToGrid(), 1e-12);
        // grid tracks 256 points from each of 7 query frames forward: Σ (31 − q) · 256 steps
        long gridSteps = 0;
        for (int q : new int[] {0, 4, 8, 13, 17, 22, 26}) {
            gridSteps += 256L * (31 - q);
        }
        assertEquals(gridSteps, rows.get(0).mean().pointSteps());
        assertEquals(32L * 31, rows.get(1).mean().pointSteps());
        String table = TrackingBenchmark.format(rows);
        System.out.println(table);
        assertTrue(table.startsWith("mode"));
        assertEquals(4, table.lines().count());
    }
}
