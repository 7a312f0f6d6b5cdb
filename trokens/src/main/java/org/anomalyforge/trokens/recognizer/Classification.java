package org.anomalyforge.trokens.recognizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recogniser's answer for one clip (spec §12, "Inference").
 *
 * @param label      best-scoring registered class
 * @param confidence its softmax probability over the matching scores, in [0, 1]
 * @param scores     matching score per registered class (higher is better), in registration order
 */
public record Classification(String label, double confidence, Map<String, Double> scores) {

    public Classification {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        if (!scores.containsKey(label)) {
            throw new IllegalArgumentException("label '" + label + "' must be one of the scored classes "
                    + scores.keySet());
        }
    }
}
