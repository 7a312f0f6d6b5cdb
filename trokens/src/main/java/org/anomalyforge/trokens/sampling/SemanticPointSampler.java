package org.anomalyforge.trokens.sampling;

import java.util.ArrayList;
import java.util.List;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.encoders.PatchGrid;
import org.anomalyforge.trokens.tracks.QueryPoint;

/**
 * Semantic-aware candidate points of one clip (spec §7.1–7.4): clusters patches of the clustering frames
 * (bipartite merging + temporal union + assignment, or one k-means), finds each cluster's peak frame and
 * spreads up to 16 query points over its mask there. Deterministic for a given config seed.
 */
public final class SemanticPointSampler {

    /** Clusters and their candidates. */
    public record Result(SemanticClusters clusters, List<CandidateCluster> candidates) {}

    private final SemanticSamplerConfig config;

    public SemanticPointSampler(SemanticSamplerConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config must not be null");
    }

    /**
     * @param frames           the tracking frames (size W×H; peak frames are read for corner snapping)
     * @param clusteringGrid   encoder output of the clustering frames {@code [F', G, G, A]}
     * @param clusteringFrames tracking-frame index of each clustering frame, {@code [F']}
     * @param standardise      z-score the features first (descriptor encoder) or use them raw (ViT)
     */
    public Result sample(TrackingFrames frames, PatchGrid clusteringGrid, int[] clusteringFrames,
                         boolean standardise) {
        if (clusteringFrames.length != clusteringGrid.frames()) {
            throw new IllegalArgumentException("clusteringFrames has " + clusteringFrames.length
                    + " entries, the patch grid has " + clusteringGrid.frames() + " frames");
        }
        List<double[][]> tokens = standardise ? FeatureStandardizer.zScore(clusteringGrid)
                : FeatureStandardizer.raw(clusteringGrid);
        SemanticClusters clusters = config.mode() == SamplingMode.BIPARTITE
                ? bipartite(tokens, clusteringGrid.gridSize())
                : kmeans(tokens, clusteringGrid.gridSize());
        return new Result(clusters, candidates(frames, clusters, clusteringFrames));
    }

    /** §7.1–7.3: per-frame merging, temporal union, argmax assignment. */
    SemanticClusters bipartite(List<double[][]> tokens, int gridSize) {
        List<double[][]> perFrame = new ArrayList<>(tokens.size());
        for (double[][] frame : tokens) {
            perFrame.add(config.merger().merge(frame));
        }
        double[][] kept = config.union().union(perFrame);
        return CentroidAssignment.assign(tokens, kept, gridSize);
    }

    /** §7.4: one k-means over all patches, Euclidean, ≤ 300 iterations, stop at max shift < 1e-4. */
    SemanticClusters kmeans(List<double[][]> tokens, int gridSize) {
        int perFrame = tokens.get(0).length;
        double[][] all = new double[tokens.size() * perFrame][];
        for (int f = 0; f < tokens.size(); f++) {
            System.arraycopy(tokens.get(f), 0, all, f * perFrame, perFrame);
        }
        KMeans.Fit fit = new KMeans(config.kmeansK(), 300, 1e-4)
                .fit(all, new SplitMix64(SplitMix64.mix(config.seed(), 0x4B4D)));
        int[][] labels = new int[tokens.size()][perFrame];
        for (int f = 0; f < tokens.size(); f++) {
            System.arraycopy(fit.assignment(), f * perFrame, labels[f], 0, perFrame);
        }
        return SemanticClusters.fromAssignments(labels, gridSize, fit.centroids().length);
    }

    private List<CandidateCluster> candidates(TrackingFrames frames, SemanticClusters clusters,
                                              int[] clusteringFrames) {
        int w = frames.width();
        int h = frames.height();
        SplitMix64 rng = new SplitMix64(SplitMix64.mix(config.seed(), 0x5154));
        java.util.Map<Integer, float[]> responses = new java.util.HashMap<>();
        List<CandidateCluster> out = new ArrayList<>(clusters.clusters());
        for (int c = 0; c < clusters.clusters(); c++) {
            int peak = clusters.peakFrames()[c];
            int trackingFrame = clusteringFrames[peak];
            boolean[] gridMask = clusters.mask(c, peak);
            int[][] pixels = MaskPointSampler.maskPixels(gridMask, clusters.gridSize(), w, h);
            if (pixels.length == 0) {
                continue;
            }
            int[][] points = config.maskPoints().sample(pixels, rng);
            if (config.snapToCorner()) {
                float[] response = responses.computeIfAbsent(trackingFrame,
                        t -> config.snapper().response(frames.frame(t)));
                boolean[] pixelMask = new boolean[w * h];
                for (int[] p : pixels) {
                    pixelMask[p[1] * w + p[0]] = true;
                }
                points = config.snapper().snap(response, w, h, pixelMask, points);
            }
            List<QueryPoint> queries = new ArrayList<>(points.length);
            for (int[] p : points) {
                queries.add(new QueryPoint(trackingFrame, p[0], p[1]));
            }
            out.add(new CandidateCluster(c, trackingFrame, queries));
        }
        return out;
    }
}
