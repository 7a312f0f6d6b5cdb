package org.anomalyforge.trokens.train;

import org.anomalyforge.trokens.model.AppearanceStandardizer;
import org.anomalyforge.trokens.model.TrokensConfig;

import java.util.List;
import java.util.Map;

/**
 * A trained recogniser as plain data: what {@link TrokensCheckpoint} saves and loads.
 *
 * @param config        architecture
 * @param settings      training settings used
 * @param standardizer  appearance standardisation fitted on the training clips (identity for ViT profiles)
 * @param baseClasses   base-class names in CLS-head order
 * @param encoderId     id of the appearance encoder the features came from
 * @param weights       dotted parameter name → values
 * @param selectedEpoch epoch of the kept weights (1-based)
 * @param selection     {@code best-val} (best validation mean accuracy) or {@code last} (no validation split)
 * @param metrics       named numbers (validation accuracy, losses, steps)
 */
public record TrainedModel(TrokensConfig config, TrainingSettings settings, AppearanceStandardizer standardizer,
                           List<String> baseClasses, String encoderId, Map<String, float[]> weights,
                           int selectedEpoch, String selection, Map<String, Double> metrics) {

    /** Selection of the best-validation epoch. */
    public static final String BEST_VALIDATION = "best-val";
    /** Selection of the last epoch (no validation split). */
    public static final String LAST = "last";

    public TrainedModel {
        baseClasses = List.copyOf(baseClasses);
        weights = Map.copyOf(weights);
        metrics = Map.copyOf(metrics);
        if (baseClasses.size() != config.baseClasses()) {
            throw new IllegalArgumentException("baseClasses has " + baseClasses.size() + " names, config says "
                    + config.baseClasses());
        }
        if (!selection.equals(BEST_VALIDATION) && !selection.equals(LAST)) {
            throw new IllegalArgumentException("selection must be " + BEST_VALIDATION + " or " + LAST + ", got "
                    + selection);
        }
    }
}
