package org.anomalyforge.trokens.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalyforge.trokens.clips.FrameSampler;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.encoders.PatchDescriptorEncoder;
import org.anomalyforge.trokens.sampling.SamplingMode;
import org.anomalyforge.trokens.sampling.SplitMix64;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.anomalyforge.trokens.synthetic.ActionClipSynthesizer;
import org.anomalyforge.trokens.synthetic.SynthesisConfig;
import org.anomalyforge.trokens.tokens.MotionTokens;
import org.junit.jupiter.api.Test;

class TrackingPipelineTest {

    private static TrackingPipeline pipeline(SamplingMode mode, int m) {
        return new TrackingPipeline(new PatchDescriptorEncoder(), PyramidalLkTracker.withDefaults(),
                PipelineConfig.descriptorCpu().withMode(mode).withPoints(m));
    }

    @Test
    void semanticPipelineOnTranslatingTextureGivesExactDirectionHistograms() {
        TrackingFrames clip = TranslatingTexture.clip(160, 120, 10, 1.3, -0.7, 21);
        ClipTrackResult r = pipeline(SamplingMode.BIPARTITE, 16).process(clip);
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6, 7, 9}, r.modelFrames());
        assertEquals(10, r.clusteringFrames().length);
        assertEquals(10, r.clusteringFeatures().orElseThrow().frames());
        MotionTokens tokens = r.tokens();
        assertEquals(16, tokens.points());
        assertEquals(8, tokens.frames());
        assertEquals(32, tokens.hod().width());
        assertEquals(32, tokens.relational().width());
        int checked = 0;
        for (int m = 0; m < 16; m++) {
            boolean allVisible = true;
            for (int t = 0; t < 8; t++) {
                allVisible &= tokens.visible(m, t);
            }
            if (!allVisible) {
                continue;
            }
            checked++;
            for (int t = 1; t < 8; t++) {
                int steps = r.modelFrames()[t] - r.modelFrames()[t - 1];
                // motion coordinates: 2 px / L per pixel, L = 160; direction atan2(−0.7, 1.3) → bins 13 and 14
                double magnitude = Math.hypot(1.3, -0.7) * steps * 2 / 160;
                float[] row = tokens.hod().values()[m][t];
                assertEquals(magnitude, row[13] + row[14], 0.01, "slot " + m + " frame " + t);
            }
        }
        assertTrue(checked >= 8, "at least half of the slots visible throughout, got " + checked);
        assertTrue(r.timings().trackMs() > 0);
        assertEquals(16L * 9, r.timings().pointSteps());
    }

    @Test
    void syntheticClipGivesDeterministicSlotsInAllModes() {
        ActionClipSynthesizer synth = new ActionClipSynthesizer(SynthesisConfig.DEFAULT,
                ActionClipSynthesizer.sampleProductTextures(1, 3));
        TrackingFrames frames = FrameSampler.DEFAULT.toTrackingFrames(
                synth.render("clip", ActionClass.fromLabel("reject_down"), 8).toClipFrames());
        assertEquals(32, frames.size());
        for (SamplingMode mode : SamplingMode.values()) {
            TrackingPipeline p = pipeline(mode, 32);
            ClipTrackResult a = p.process(frames);
            ClipTrackResult b = p.process(frames);
            assertEquals(a.slots(), b.slots(), mode + " deterministic");
            assertArrayEquals(a.tokens().hod().toFrameMajor(), b.tokens().hod().toFrameMajor(), 0f);
            assertEquals(32, a.slots().size());
            assertEquals(32, a.slots().tracks().frames());
            assertEquals(8 * 32 * 64, a.tokens().relational().toFrameMajor().length);
            ClipTrackResult trained = p.process(frames, new SplitMix64(SplitMix64.mix(1, 7, 0)));
            assertEquals(32, trained.slots().size());
            if (mode == SamplingMode.GRID) {
                assertTrue(a.clusteringFeatures().isEmpty());
                assertEquals(-1, a.slots().clusters()[0]);
            } else {
                assertTrue(a.candidates().size() >= 2, mode + " found " + a.candidates().size() + " clusters");
            }
        }
    }

    @Test
    void trainingSelectionFromTrackedCandidatesMatchesOnlineProcessing() {
        TrackingFrames clip = TranslatingTexture.clip(128, 96, 12, 0.8, 0.4, 31);
        for (SamplingMode mode : List.of(SamplingMode.BIPARTITE, SamplingMode.GRID)) {
            TrackingPipeline p = pipeline(mode, 24);
            CandidateTracks all = p.trackCandidates(clip);
            int n = all.candidates().stream().mapToInt(c -> c.size()).sum();
            assertEquals(n, all.tracks().size());
            for (long step = 1; step <= 2; step++) {
                long seed = SplitMix64.mix(9, step, 0);
                ClipTrackResult online = p.process(clip, new SplitMix64(seed));
                ClipTrackResult offline = p.select(all, new SplitMix64(seed));
                assertEquals(online.slots(), offline.slots(), mode + " step " + step);
                assertArrayEquals(online.tokens().relational().toFrameMajor(),
                        offline.tokens().relational().toFrameMajor(), 0f);
            }
            assertTrue(!p.select(all, new SplitMix64(1)).slots().equals(p.select(all, new SplitMix64(2)).slots()),
                    mode + ": another seed, another selection");
        }
    }
}
