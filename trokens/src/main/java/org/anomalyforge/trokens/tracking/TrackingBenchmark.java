package org.anomalyforge.trokens.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.encoders.AppearanceEncoder;
import org.anomalyforge.trokens.sampling.SamplingMode;

/**
 * Times the non-neural stages (encode, cluster, select, track, motion) for each sampling mode and {@code M}
 * over the same clips, with GRID + the same tracker at the same {@code M} as the baseline (spec §16.4). The
 * benchmark command adds decode, transformer and head timings and accuracy. Prints a table; never asserts a
 * time.
 *
 * @param encoder appearance encoder for the semantic modes
 * @param tracker point tracker
 * @param base    pipeline configuration whose mode and {@code M} are varied
 */
public record TrackingBenchmark(AppearanceEncoder encoder, PointTracker tracker, PipelineConfig base) {

    /**
     * @param clips  clips to process (each at least 8 tracking frames)
     * @param modes  modes to measure; GRID is always measured as the baseline
     * @param points values of {@code M}
     */
    public List<BenchmarkRow> run(List<TrackingFrames> clips, List<SamplingMode> modes, List<Integer> points) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("benchmark needs at least one clip");
        }
        List<BenchmarkRow> rows = new ArrayList<>();
        for (int m : points) {
            StageTimings grid = measure(clips, SamplingMode.GRID, m);
            rows.add(row(SamplingMode.GRID, m, clips.size(), grid, grid));
            for (SamplingMode mode : modes) {
                if (mode != SamplingMode.GRID) {
                    rows.add(row(mode, m, clips.size(), measure(clips, mode, m), grid));
                }
            }
        }
        return rows;
    }

    /** A fixed-width text table of the rows. */
    public static String format(List<BenchmarkRow> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%-9s %4s %-6s %8s %8s %8s %8s %8s %9s %8s %12s %7s%n", "mode", "M", "track", "encode", "cluster",
                "select", "track", "motion", "total ms", "clips/s", "pt-steps/s", "vs grid"));
        for (BenchmarkRow r : rows) {
            StageTimings t = r.mean();
            sb.append(String.format(Locale.ROOT, "%-9s %4d %-6s %8.1f %8.1f %8.2f %8.1f %8.2f %9.1f %8.2f %12.0f %7.2f%n",
                    r.mode(), r.points(), r.tracker(), t.encodeMs(), t.clusterMs(), t.selectMs(), t.trackMs(),
                    t.motionMs(), t.totalMs(), r.clipsPerSecond(), r.pointStepsPerSecond(), r.ratioToGrid()));
        }
        return sb.toString();
    }

    private StageTimings measure(List<TrackingFrames> clips, SamplingMode mode, int m) {
        TrackingPipeline pipeline = new TrackingPipeline(encoder, tracker, base.withMode(mode).withPoints(m));
        double encode = 0;
        double cluster = 0;
        double select = 0;
        double track = 0;
        double motion = 0;
        long steps = 0;
        for (TrackingFrames clip : clips) {
            StageTimings t = pipeline.process(clip).timings();
            encode += t.encodeMs();
            cluster += t.clusterMs();
            select += t.selectMs();
            track += t.trackMs();
            motion += t.motionMs();
            steps += t.pointSteps();
        }
        int n = clips.size();
        return new StageTimings(encode / n, cluster / n, select / n, track / n, motion / n, steps / n);
    }

    private BenchmarkRow row(SamplingMode mode, int m, int clips, StageTimings mean, StageTimings grid) {
        double total = mean.totalMs();
        return new BenchmarkRow(mode, m, tracker.id(), clips, mean, total > 0 ? 1000 / total : 0,
                mean.pointStepsPerSecond(), grid.totalMs() > 0 ? total / grid.totalMs() : 0);
    }
}
