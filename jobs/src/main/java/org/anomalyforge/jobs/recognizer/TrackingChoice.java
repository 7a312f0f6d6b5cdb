package org.anomalyforge.jobs.recognizer;

import java.io.Serializable;
import java.util.Locale;
import org.anomalyforge.trokens.sampling.SamplingMode;
import org.anomalyforge.trokens.tracking.PipelineConfig;

/**
 * The tracking front end a recogniser command runs per clip: query-point sampler and number of points
 * {@code M}; everything else is the {@code descriptor-cpu} profile. Serializable so Spark tasks can rebuild the
 * pipeline.
 *
 * @param mode   BIPARTITE ({@code semantic}), KMEANS or GRID
 * @param points {@code M}, must equal the model's
 */
public record TrackingChoice(SamplingMode mode, int points) implements Serializable {

    /** Sampler names accepted by {@code --sampler}. */
    public static final String NAMES = "semantic, kmeans, grid";

    public TrackingChoice {
        if (mode == null) {
            throw new IllegalArgumentException("sampler mode must not be null");
        }
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1, got " + points);
        }
    }

    /**
     * @throws IllegalArgumentException naming the value if {@code name} is not one of {@link #NAMES}
     */
    public static SamplingMode parseSampler(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "semantic", "bipartite" -> SamplingMode.BIPARTITE;
            case "kmeans" -> SamplingMode.KMEANS;
            case "grid" -> SamplingMode.GRID;
            default -> throw new IllegalArgumentException("--sampler must be one of " + NAMES + ", got '" + name + "'");
        };
    }

    /** The {@code descriptor-cpu} pipeline with this sampler and {@code M}. */
    public PipelineConfig pipeline() {
        return PipelineConfig.descriptorCpu().withMode(mode).withPoints(points);
    }

    /** {@code semantic@32}-style name for reports. */
    public String describe() {
        String name = switch (mode) {
            case BIPARTITE -> "semantic";
            case KMEANS -> "kmeans";
            case GRID -> "grid";
        };
        return name + "@" + points;
    }
}
