package org.anomalyforge.jobs.bench;

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
import org.anomalyforge.segmenter.TrainingProgress;
import org.anomalyforge.segmenter.TrainingSample;

/**
 * A real LFD run trained for a few iterations on sample images, for benchmarks run without --model and for
 * tests that need a model, not a good one: inference speed depends on the input size, not on the weights.
 */
public final class QuickLfdModel {
    private QuickLfdModel() {}

    public static Path train(Path store, ProductKind kind, int size) throws IOException {
        ImageCodec codec = ImageCodec.withDefaults();
        List<TrainingSample> samples = new ArrayList<>();
        String defect = kind.defectTypes().get(0);
        for (int i = 0; i < 4; i++) {
            SampleImage good = SampleProductGenerator.render(kind, "train", Optional.empty(), i, 1, 256);
            samples.add(new TrainingSample("good-" + i, SampleOrigin.NORMAL, null, codec.encodePng(good.image()), null));
            SampleImage bad = SampleProductGenerator.render(kind, "test", Optional.of(defect), i, 1, 256);
            samples.add(new TrainingSample(defect + "-" + i, i < 2 ? SampleOrigin.REAL_SHOT : SampleOrigin.GENERATED,
                    defect, codec.encodePng(bad.image()), codec.encodeMaskPng(bad.mask())));
        }
        LfdTrainingOptions options = LfdTrainingOptions.of(LfdPreset.SMOKE).withInputSize(size).withBatchSize(4)
                .withEpochs(1).withIterationCap(2);
        return Lfd.train(new LfdTrainRequest(kind.folderName(), samples, options, store, "quick"), TrainingProgress.NONE)
                .runDir();
    }
}
