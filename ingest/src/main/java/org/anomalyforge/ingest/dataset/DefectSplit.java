package org.anomalyforge.ingest.dataset;

import java.util.List;

/**
 * The few-shot split of one defect type.
 *
 * @param defectType the defect type name
 * @param shots      training shots: the first images by sorted file name
 * @param heldOut    evaluation images: the protocol's last n − ⌊n/3⌋, never used for training or selection
 * @param unused     shots dropped by a {@code --max-shots} cap; neither trained on nor evaluated
 */
public record DefectSplit(String defectType, List<LabeledImage> shots, List<LabeledImage> heldOut,
                          List<LabeledImage> unused) {
    public DefectSplit {
        shots = List.copyOf(shots);
        heldOut = List.copyOf(heldOut);
        unused = List.copyOf(unused);
    }
}
