package org.anomalyforge.segmenter;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything {@link Lfd#train} needs.
 *
 * @param product     model-store product name (lower-case, digits, '_', '.', '-')
 * @param samples     the §5.1 training set (generated pairs, real shots, normals); ids unique
 * @param options     training options
 * @param store       model-store root
 * @param codeVersion version recorded in the manifest
 */
public record LfdTrainRequest(String product, List<TrainingSample> samples, LfdTrainingOptions options, Path store,
                              String codeVersion) {

    /** The model store's name rule for products. */
    public static final String PRODUCT_NAME = "[a-z0-9][a-z0-9_.-]*";

    /** Checks the fields; ids must be unique (a defect sample for validation is checked by the split). */
    public LfdTrainRequest {
        if (product == null || !product.matches(PRODUCT_NAME)) {
            throw new IllegalArgumentException("product must match " + PRODUCT_NAME + " (the model-store rule), got '"
                    + product + "'");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(store, "store");
        if (codeVersion == null || codeVersion.isBlank()) {
            throw new IllegalArgumentException("codeVersion must not be blank, got '" + codeVersion + "'");
        }
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("samples must not be empty (product " + product + ")");
        }
        samples = List.copyOf(samples);
        Set<String> ids = new HashSet<>();
        for (TrainingSample s : samples) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("sample ids must be unique, got '" + s.id() + "' twice");
            }
        }
    }
}
