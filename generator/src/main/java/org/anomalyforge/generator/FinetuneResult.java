package org.anomalyforge.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A committed fine-tuning run.
 *
 * @param runDir     the committed model-store run folder
 * @param runId      its id
 * @param steps      optimiser steps of stage 0 plus stage 1
 * @param lossCurves {@code "<stage>.<term>"} → mean of each logged window of 10 steps (the last may be shorter)
 */
public record FinetuneResult(Path runDir, String runId, long steps, Map<String, List<Double>> lossCurves) {

    public FinetuneResult {
        lossCurves = Map.copyOf(lossCurves);
    }
}
