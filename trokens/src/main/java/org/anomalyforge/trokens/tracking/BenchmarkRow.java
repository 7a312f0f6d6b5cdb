package org.anomalyforge.trokens.tracking;

import org.anomalyforge.trokens.sampling.SamplingMode;

/**
 * Mean per-clip cost of one {@link TrackingPipeline} configuration over a set of clips (spec §16.4).
 *
 * @param mode               sampling mode
 * @param points             {@code M}
 * @param tracker            tracker id
 * @param clips              clips measured
 * @param mean               mean per-stage wall time per clip (ms) and mean point steps per clip
 * @param clipsPerSecond     1000 / mean total ms
 * @param pointStepsPerSecond point steps per second of tracking time
 * @param ratioToGrid        mean total time divided by the GRID baseline's at the same M (1 for the baseline)
 */
public record BenchmarkRow(SamplingMode mode, int points, String tracker, int clips, StageTimings mean,
                           double clipsPerSecond, double pointStepsPerSecond, double ratioToGrid) {}
