package org.anomalyforge.segmenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Boundary validation of the facade records: messages name the field, the rule and the value. */
class LfdRequestValidationTest {

    private static final byte[] B = {1};

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void presetsFollowTheSpecTable() {
        LfdTrainingOptions cpu = LfdTrainingOptions.of(LfdPreset.CPU);
        assertEquals(List.of(30, 5000, 8, 256), List.of(cpu.epochs(), cpu.iterationCap(), cpu.batchSize(), cpu.inputSize()));
        LfdTrainingOptions smoke = LfdTrainingOptions.of(LfdPreset.SMOKE);
        assertEquals(List.of(2, 50, 4, 64), List.of(smoke.epochs(), smoke.iterationCap(), smoke.batchSize(),
                smoke.inputSize()));
        assertEquals(150, LfdTrainingOptions.of(LfdPreset.ORIGINAL).epochs());
        assertEquals(42L, cpu.seed());
        assertEquals(AugmentationPreset.SCRATCH, cpu.augmentation());
    }

    @Test
    void optionsRejectInvalidValues() {
        LfdTrainingOptions o = LfdTrainingOptions.of(LfdPreset.SMOKE);
        assertEquals("inputSize must be a multiple of 32 and ≥ 32, got 250", message(() -> o.withInputSize(250)));
        assertEquals("batchSize must be ≥ 2, got 1", message(() -> o.withBatchSize(1)));
        assertEquals("epochs must be ≥ 1, got 0", message(() -> o.withEpochs(0)));
    }

    @Test
    void samplesAndRequestsRejectInvalidValues() {
        assertEquals("NORMAL sample n must have defectType and mask null, got defectType=x, mask=null",
                message(() -> new TrainingSample("n", SampleOrigin.NORMAL, "x", B, null)));
        assertEquals("GENERATED sample g needs mask bytes, got none",
                message(() -> new TrainingSample("g", SampleOrigin.GENERATED, "crack", B, null)));
        TrainingSample s = new TrainingSample("a", SampleOrigin.GENERATED, "crack", B, B);
        LfdTrainingOptions o = LfdTrainingOptions.of(LfdPreset.SMOKE);
        assertEquals("sample ids must be unique, got 'a' twice",
                message(() -> new LfdTrainRequest("widget", List.of(s, s), o, Path.of("store"), "v1")));
        assertEquals("product must match [a-z0-9][a-z0-9_.-]* (the model-store rule), got '../etc'",
                message(() -> new LfdTrainRequest("../etc", List.of(s), o, Path.of("store"), "v1")));
        assertEquals("EvalImage e: mask must be null exactly for defectType 'good', got defectType 'good' with a mask",
                message(() -> new EvalImage("e", "good", B, B)));
    }
}
