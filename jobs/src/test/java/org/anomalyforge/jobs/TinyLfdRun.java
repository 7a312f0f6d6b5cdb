package org.anomalyforge.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.ingest.sample.ProductKind;
import org.anomalyforge.ingest.sample.SampleImage;
import org.anomalyforge.ingest.sample.SampleProductGenerator;
import org.anomalyforge.segmenter.Lfd;
import org.anomalyforge.segmenter.LfdPreset;
import org.anomalyforge.segmenter.LfdTrainRequest;
import org.anomalyforge.segmenter.LfdTrainingOptions;
import org.anomalyforge.segmenter.SampleOrigin;
import org.anomalyforge.segmenter.TrainResult;
import org.anomalyforge.segmenter.TrainingProgress;
import org.anomalyforge.segmenter.TrainingSample;

/** A real, briefly trained LFD run (64×64, a few iterations) for tests that need a model, not a good one. */
public final class TinyLfdRun {
    private TinyLfdRun() {}

    public static Path train(Path store) throws IOException {
        ImageCodec codec = ImageCodec.withDefaults();
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SampleImage good = SampleProductGenerator.render(ProductKind.METAL, "train", Optional.empty(), i, 1, 128);
            samples.add(new TrainingSample("good-" + i, SampleOrigin.NORMAL, null, codec.encodePng(good.image()), null));
            SampleImage bad = SampleProductGenerator.render(ProductKind.METAL, "test", Optional.of("rust"), i, 1, 128);
            samples.add(new TrainingSample("rust-" + i, i < 2 ? SampleOrigin.REAL_SHOT : SampleOrigin.GENERATED, "rust",
                    codec.encodePng(bad.image()), codec.encodeMaskPng(bad.mask())));
        }
        LfdTrainingOptions options = LfdTrainingOptions.of(LfdPreset.SMOKE).withInputSize(64).withBatchSize(4)
                .withEpochs(1).withIterationCap(2);
        TrainResult r = Lfd.train(new LfdTrainRequest("metal", samples, options, store, "test"), TrainingProgress.NONE);
        return r.runDir();
    }
}
