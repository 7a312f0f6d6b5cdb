package org.anomalyforge.jobs.segmenter;

import java.io.Serializable;
import java.nio.file.Path;
import org.anomalyforge.segmenter.AugmentationPreset;
import org.anomalyforge.segmenter.LfdPreset;
import org.anomalyforge.segmenter.LfdTrainingOptions;

/**
 * The training options as plain serialisable values, so a Spark closure can carry them to the task that
 * trains ({@code java.nio.file.Path} is not serialisable). Null fields keep the preset's value.
 */
public record TrainSettings(String preset, Integer inputSize, Integer batchSize, Integer epochs, Integer iterationCap,
                            Long seed, String augmentation, String initResNet18) implements Serializable {

    public LfdTrainingOptions toOptions() {
        LfdTrainingOptions d = LfdTrainingOptions.of(LfdPreset.valueOf(preset));
        return new LfdTrainingOptions(d.preset(),
                inputSize != null ? inputSize : d.inputSize(),
                batchSize != null ? batchSize : d.batchSize(),
                epochs != null ? epochs : d.epochs(),
                iterationCap != null ? iterationCap : d.iterationCap(),
                seed != null ? seed : d.seed(),
                augmentation != null ? AugmentationPreset.valueOf(augmentation) : d.augmentation(),
                initResNet18 != null ? Path.of(initResNet18) : d.initResNet18());
    }
}
