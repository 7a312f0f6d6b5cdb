package org.anomalyforge.jobs.generator;

import java.io.Serializable;
import java.nio.file.Path;
import org.anomalyforge.generator.SeasFinetuneOptions;
import org.anomalyforge.generator.SeasProfile;

/** {@link SeasFinetuneOptions} as serialisable values, so a Spark closure can carry them to the task. */
record SeasSettings(String profile, int imageSize, int stage0Steps, int stage1Steps, int batchSize,
                    int gradientAccumulation, long seed, String sdInit) implements Serializable {

    static SeasSettings of(SeasFinetuneOptions o) {
        return new SeasSettings(o.profile().name(), o.imageSize(), o.stage0Steps(), o.stage1Steps(), o.batchSize(),
                o.gradientAccumulation(), o.seed(), o.sdInit() == null ? null : o.sdInit().toString());
    }

    SeasFinetuneOptions toOptions() {
        return new SeasFinetuneOptions(SeasProfile.valueOf(profile), imageSize, stage0Steps, stage1Steps, batchSize,
                gradientAccumulation, seed, sdInit == null ? null : Path.of(sdInit));
    }
}
