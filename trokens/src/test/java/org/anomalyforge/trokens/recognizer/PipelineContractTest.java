package org.anomalyforge.trokens.recognizer;

import org.anomalyforge.trokens.clips.FrameSampler;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.encoders.PatchDescriptorEncoder;
import org.anomalyforge.trokens.model.MaskMode;
import org.anomalyforge.trokens.model.PrecomputedClip;
import org.anomalyforge.trokens.model.TestThreads;
import org.anomalyforge.trokens.model.TrokensConfig;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.anomalyforge.trokens.synthetic.ActionClipSynthesizer;
import org.anomalyforge.trokens.synthetic.SynthesisConfig;
import org.anomalyforge.trokens.tokens.HodMode;
import org.anomalyforge.trokens.tracking.PipelineConfig;
import org.anomalyforge.trokens.tracking.PyramidalLkTracker;
import org.anomalyforge.trokens.tracking.TrackingPipeline;
import org.anomalyforge.trokens.train.EpisodicTrainer;
import org.anomalyforge.trokens.train.LabeledClip;
import org.anomalyforge.trokens.train.TrainedModel;
import org.anomalyforge.trokens.train.TrainingProgress;
import org.anomalyforge.trokens.train.TrainingSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract with the non-neural half: synthetic MJPG-free clips → tracking pipeline (patch descriptors,
 * bipartite sampling, LK) → {@link PrecomputedClip} → training → {@link Recognizer}. Sizes are tiny; no
 * accuracy claim (that is the integration benchmark's job).
 */
class PipelineContractTest {

    @Test
    void pipelineOutputTrainsAndClassifies() {
        TestThreads.single();
        ActionClipSynthesizer synthesizer = new ActionClipSynthesizer(new SynthesisConfig(128, 96, 24, 10),
                ActionClipSynthesizer.sampleProductTextures(1, 7));
        PatchDescriptorEncoder encoder = new PatchDescriptorEncoder();
        TrackingPipeline pipeline = new TrackingPipeline(encoder, PyramidalLkTracker.withDefaults(),
                PipelineConfig.descriptorCpu().withPoints(16));
        List<String> labels = List.of("pass_right", "pass_left", "reject_down", "stall");
        List<LabeledClip> clips = new ArrayList<>();
        for (String label : labels) {
            for (int i = 0; i < 3; i++) {
                TrackingFrames frames = FrameSampler.DEFAULT.toTrackingFrames(synthesizer.render(label + "-" + i,
                        ActionClass.fromLabel(label), 31L * i + label.hashCode()).toClipFrames());
                clips.add(new LabeledClip(PrecomputedClip.of(frames, pipeline.process(frames), encoder), label,
                        "synthetic"));
            }
        }
        PrecomputedClip first = clips.get(0).clip();
        assertEquals(8, first.appearance().frames());
        assertEquals(16, first.motion().points());

        TrokensConfig config = new TrokensConfig("descriptor-cpu", 16, 32, 4, 16, 8, 16, HodMode.PER_FRAME, 4,
                MaskMode.VISIBILITY, true, true, true, true);
        TrainingSettings settings = new TrainingSettings(3, 1, 2, 1, 6, 0, new int[0], 1e-3f, 0.5f, 0.1f, 1f, 1f, 1L,
                1, 2);
        TrainedModel model = new EpisodicTrainer(config, settings, encoder.id()).train(clips, List.of(),
                TrainingProgress.NONE);
        try (Recognizer recognizer = Recognizer.of(model)) {
            for (int c = 0; c < labels.size(); c++) {
                recognizer.registerSupport(labels.get(c), List.of(clips.get(3 * c).clip()));
            }
            Classification a = recognizer.classify(clips.get(1).clip());
            Classification b = recognizer.classify(clips.get(1).clip());
            assertEquals(a, b);
            assertEquals(labels, List.copyOf(a.scores().keySet()));
            assertTrue(a.confidence() > 0 && a.confidence() <= 1, "confidence " + a.confidence());
            assertEquals(8, recognizer.embed(first).length);
            assertEquals(32, recognizer.embed(first)[0].length);
            assertEquals(encoder.id(), recognizer.encoderId());
        }
    }
}
