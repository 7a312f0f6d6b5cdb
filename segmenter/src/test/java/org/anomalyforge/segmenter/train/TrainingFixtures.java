package org.anomalyforge.segmenter.train;

import java.util.ArrayList;
import java.util.List;

import org.anomalyforge.segmenter.AugmentationPreset;
import org.anomalyforge.segmenter.SampleOrigin;
import org.anomalyforge.segmenter.SyntheticImages;

/** Small prepared batches for step-level tests. */
final class TrainingFixtures {

    private TrainingFixtures() {
    }

    /** n samples at size², each with a bright square (positions from the index). */
    static Batch batch(int n, int size) throws Exception {
        SamplePreparer preparer = new SamplePreparer(size, size, AugmentationPreset.NONE, 42);
        List<PreparedSample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(preparer.plain(SyntheticImages.defect("b" + i, SampleOrigin.GENERATED, "square", size, i)));
        }
        return Batch.of(samples);
    }
}
