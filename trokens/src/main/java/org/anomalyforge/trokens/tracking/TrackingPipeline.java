package org.anomalyforge.trokens.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anomalyforge.trokens.clips.FrameSampler;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.encoders.AppearanceEncoder;
import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.sampling.CandidateCluster;
import org.anomalyforge.trokens.sampling.GridSampler;
import org.anomalyforge.trokens.sampling.PointSelection;
import org.anomalyforge.trokens.sampling.PointSelector;
import org.anomalyforge.trokens.sampling.SamplingMode;
import org.anomalyforge.trokens.sampling.SemanticPointSampler;
import org.anomalyforge.trokens.sampling.SplitMix64;
import org.anomalyforge.trokens.tokens.MotionTokenizer;
import org.anomalyforge.trokens.tokens.MotionTokens;
import org.anomalyforge.trokens.tracks.QueryPoint;
import org.anomalyforge.trokens.tracks.TrackSet;
import org.anomalyforge.trokens.tracks.TrajectorySlots;

/**
 * Facade of the non-neural half (spec §3): tracking frames → clustering-frame features → candidate query
 * points → {@code M} slots → tracks → motion tokens, with per-stage timings. Online use tracks only the
 * selected points (selection needs only cluster sizes). Thread-safe if its encoder and tracker are.
 */
public final class TrackingPipeline {

    private final AppearanceEncoder encoder;
    private final PointTracker tracker;
    private final PipelineConfig config;
    private final SemanticPointSampler semantic;
    private final MotionTokenizer tokenizer;

    public TrackingPipeline(AppearanceEncoder encoder, PointTracker tracker, PipelineConfig config) {
        this.encoder = java.util.Objects.requireNonNull(encoder, "encoder must not be null");
        this.tracker = java.util.Objects.requireNonNull(tracker, "tracker must not be null");
        this.config = java.util.Objects.requireNonNull(config, "config must not be null");
        this.semantic = config.mode() == SamplingMode.GRID ? null
                : new SemanticPointSampler(config.semantic().withMode(config.mode()));
        this.tokenizer = new MotionTokenizer(config.hodMode());
    }

    /** The configuration. */
    public PipelineConfig config() {
        return config;
    }

    /** Inference and evaluation: a fresh RNG seeded with {@code selectionSeed}, so a clip always gets the same points. */
    public ClipTrackResult process(TrackingFrames frames) {
        return process(frames, new SplitMix64(config.selectionSeed()));
    }

    /** Training: the caller seeds {@code rng} with {@code mix(trainSeed, step, clipIndex)}. */
    public ClipTrackResult process(TrackingFrames frames, SplitMix64 rng) {
        int[] modelFrames = FrameSampler.modelFrameIndices(frames.size(), frames.clipId());
        return config.mode() == SamplingMode.GRID ? grid(frames, modelFrames, rng)
                : semanticSampling(frames, modelFrames, rng);
    }

    /**
     * Preprocessing for training: clusters and tracks all {@code N} candidates once (GRID: all non-redundant
     * grid points), so {@link #select} can draw a new set of {@code M} at every use for free.
     */
    public CandidateTracks trackCandidates(TrackingFrames frames) {
        int[] modelFrames = FrameSampler.modelFrameIndices(frames.size(), frames.clipId());
        if (config.mode() == SamplingMode.GRID) {
            long t0 = System.nanoTime();
            List<QueryPoint> queries = config.grid().queries(frames.width(), frames.height(), frames.size());
            TrackSet tracked = tracker.track(frames, queries, TrackDirection.FORWARD);
            long t1 = System.nanoTime();
            int[] kept = config.grid().keepNonRedundant(tracked, queries);
            List<QueryPoint> keptQueries = new ArrayList<>(kept.length);
            for (int i : kept) {
                keptQueries.add(queries.get(i));
            }
            long t2 = System.nanoTime();
            return new CandidateTracks(frames.clipId(), new int[0], Optional.empty(), modelFrames,
                    List.of(new CandidateCluster(-1, 0, keptQueries)), tracked.select(kept),
                    new StageTimings(0, ms(t1, t2), 0, ms(t0, t1), 0, gridSteps(queries, frames.size())));
        }
        int[] clusteringFrames = FrameSampler.clusteringFrameIndices(frames.size());
        long t0 = System.nanoTime();
        PatchGrid features = encoder.encode(frames.select(clusteringFrames));
        long t1 = System.nanoTime();
        List<CandidateCluster> candidates = candidates(frames, features, clusteringFrames);
        long t2 = System.nanoTime();
        List<QueryPoint> all = new ArrayList<>();
        candidates.forEach(c -> all.addAll(c.points()));
        TrackSet tracked = tracker.track(frames, all, TrackDirection.BOTH);
        long t3 = System.nanoTime();
        return new CandidateTracks(frames.clipId(), clusteringFrames, Optional.of(features), modelFrames, candidates,
                tracked, new StageTimings(ms(t0, t1), ms(t1, t2), 0, ms(t2, t3), 0,
                        (long) all.size() * (frames.size() - 1)));
    }

    /**
     * Draws {@code M} slots from tracked candidates and computes their motion tokens. Gives the same slots
     * and tokens as {@link #process(TrackingFrames, SplitMix64)} with the same RNG state; the timings hold
     * only select and motion time.
     */
    public ClipTrackResult select(CandidateTracks candidates, SplitMix64 rng) {
        long t0 = System.nanoTime();
        int m = config.points();
        int[] slotTrack;
        boolean[] padding;
        int[] clusters;
        if (config.mode() == SamplingMode.GRID) {
            int n = candidates.tracks().size();
            int[] chosen = GridSampler.choose(java.util.stream.IntStream.range(0, n).toArray(), m, rng);
            slotTrack = new int[m];
            padding = new boolean[m];
            clusters = new int[m];
            java.util.Arrays.fill(clusters, -1);
            for (int i = 0; i < m; i++) {
                padding[i] = i >= chosen.length;
                slotTrack[i] = i < chosen.length ? chosen[i] : chosen[rng.nextInt(chosen.length)];
            }
        } else {
            PointSelection selection = PointSelector.select(candidates.candidates(), m, rng);
            slotTrack = selection.source();
            padding = selection.padding();
            clusters = selection.clusters();
        }
        long t1 = System.nanoTime();
        TrajectorySlots slots = new TrajectorySlots(candidates.tracks().select(slotTrack), padding, clusters);
        MotionTokens tokens = tokenizer.tokenize(slots, candidates.modelFrames());
        long t2 = System.nanoTime();
        return new ClipTrackResult(candidates.clusteringFrames(), candidates.clusteringFeatures(),
                candidates.modelFrames(), candidates.candidates(), slots, tokens,
                new StageTimings(0, 0, ms(t0, t1), 0, ms(t1, t2), 0));
    }

    private List<CandidateCluster> candidates(TrackingFrames frames, PatchGrid features, int[] clusteringFrames) {
        List<CandidateCluster> candidates = semantic.sample(frames, features, clusteringFrames,
                config.standardiseClustering()).candidates();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("clip " + frames.clipId() + ": no candidate points (frame "
                    + frames.width() + "×" + frames.height() + " too small for the patch grid?)");
        }
        return candidates;
    }

    private static long gridSteps(List<QueryPoint> queries, int frames) {
        long steps = 0;
        for (QueryPoint q : queries) {
            steps += frames - 1 - q.frame();
        }
        return steps;
    }

    private ClipTrackResult semanticSampling(TrackingFrames frames, int[] modelFrames, SplitMix64 rng) {
        int[] clusteringFrames = FrameSampler.clusteringFrameIndices(frames.size());
        long t0 = System.nanoTime();
        PatchGrid features = encoder.encode(frames.select(clusteringFrames));
        long t1 = System.nanoTime();
        List<CandidateCluster> candidates = candidates(frames, features, clusteringFrames);
        long t2 = System.nanoTime();
        PointSelection selection = PointSelector.select(candidates, config.points(), rng);
        long t3 = System.nanoTime();
        int unique = selection.uniqueCount();
        List<QueryPoint> queries = selection.points().subList(0, unique);
        TrackSet tracked = tracker.track(frames, queries, TrackDirection.BOTH);
        long t4 = System.nanoTime();
        int[] slotTrack = new int[selection.size()];
        for (int m = 0; m < selection.size(); m++) {
            slotTrack[m] = m < unique ? m : indexOfSource(selection, selection.source()[m], unique);
        }
        TrajectorySlots slots = new TrajectorySlots(tracked.select(slotTrack), selection.padding(),
                selection.clusters());
        MotionTokens tokens = tokenizer.tokenize(slots, modelFrames);
        long t5 = System.nanoTime();
        long steps = (long) unique * (frames.size() - 1);
        return new ClipTrackResult(clusteringFrames, Optional.of(features), modelFrames, candidates, slots, tokens,
                new StageTimings(ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), steps));
    }

    private ClipTrackResult grid(TrackingFrames frames, int[] modelFrames, SplitMix64 rng) {
        GridSampler sampler = config.grid();
        long t0 = System.nanoTime();
        List<QueryPoint> queries = sampler.queries(frames.width(), frames.height(), frames.size());
        long t1 = System.nanoTime();
        TrackSet tracked = tracker.track(frames, queries, TrackDirection.FORWARD);
        long t2 = System.nanoTime();
        int[] kept = sampler.keepNonRedundant(tracked, queries);
        int[] chosen = GridSampler.choose(kept, config.points(), rng);
        int m = config.points();
        int[] slotTrack = new int[m];
        boolean[] padding = new boolean[m];
        for (int i = 0; i < m; i++) {
            padding[i] = i >= chosen.length;
            slotTrack[i] = i < chosen.length ? chosen[i] : chosen[rng.nextInt(chosen.length)];
        }
        int[] clusters = new int[m];
        java.util.Arrays.fill(clusters, -1);
        long t3 = System.nanoTime();
        TrajectorySlots slots = new TrajectorySlots(tracked.select(slotTrack), padding, clusters);
        MotionTokens tokens = tokenizer.tokenize(slots, modelFrames);
        long t4 = System.nanoTime();
        long steps = gridSteps(queries, frames.size());
        List<QueryPoint> chosenQueries = new ArrayList<>();
        for (int i : chosen) {
            chosenQueries.add(queries.get(i));
        }
        CandidateCluster all = new CandidateCluster(-1, 0, chosenQueries);
        return new ClipTrackResult(new int[0], Optional.empty(), modelFrames, List.of(all), slots, tokens,
                new StageTimings(0, ms(t0, t1), ms(t2, t3), ms(t1, t2), ms(t3, t4), steps));
    }

    private static int indexOfSource(PointSelection selection, int source, int unique) {
        for (int i = 0; i < unique; i++) {
            if (selection.source()[i] == source) {
                return i;
            }
        }
        throw new IllegalStateException("padding slot copies candidate " + source + ", which was not drawn");
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
