package org.anomalyforge.trokens.train;

import com.google.gson.GsonBuilder;

import java.util.List;
import java.util.Map;

/**
 * Result of an episodic evaluation (spec §12): mean accuracy (%) with its 95 % CI, per-class accuracy, the
 * confusion matrix over the evaluated classes and a per-source breakdown; serialised as JSON for the report.
 *
 * @param way               N
 * @param shot              K
 * @param episodes          E
 * @param seed              episode seed
 * @param meanAccuracy      mean of the per-episode accuracies, in %
 * @param ci95              half-width {@code 1.96·s/√E}, in %
 * @param classes           evaluated classes, sorted (confusion matrix order)
 * @param perClassAccuracy  query accuracy per true class, in %
 * @param confusion         {@code [true][predicted]} query counts, in {@code classes} order
 * @param perSourceAccuracy query accuracy per clip source, in %
 */
public record EpisodeReport(int way, int shot, int episodes, long seed, double meanAccuracy, double ci95,
                            List<String> classes, Map<String, Double> perClassAccuracy, long[][] confusion,
                            Map<String, Double> perSourceAccuracy) {

    public EpisodeReport {
        classes = List.copyOf(classes);
        perClassAccuracy = Map.copyOf(perClassAccuracy);
        perSourceAccuracy = Map.copyOf(perSourceAccuracy);
    }

    /** Pretty-printed JSON. */
    public String toJson() {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(this);
    }
}
