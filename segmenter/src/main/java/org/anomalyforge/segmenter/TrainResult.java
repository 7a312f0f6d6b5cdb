package org.anomalyforge.segmenter;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link Lfd#train}.
 *
 * @param runDir        the committed model-store run folder
 * @param runId         its run id
 * @param selectedEpoch the 1-based epoch whose weights were kept
 * @param valPixelAp    validation pixel AP of the selected epoch
 * @param tauPixel      τ_pixel fixed on validation (§5.7)
 * @param tauImage      τ_image fixed on validation (§5.7)
 * @param iterations    optimiser steps run in total (T)
 * @param lossCurve     mean OHEM loss per epoch, epoch 1 first
 */
public record TrainResult(Path runDir, String runId, int selectedEpoch, double valPixelAp, float tauPixel,
                          float tauImage, long iterations, List<Double> lossCurve) {

    /** Copies the loss curve. */
    public TrainResult {
        lossCurve = List.copyOf(lossCurve);
    }
}
