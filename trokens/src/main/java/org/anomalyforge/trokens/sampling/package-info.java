/**
 * Point sampling (spec §7): bipartite token merging, temporal union, centroid assignment and peak frames,
 * mask query points, the k-means alternative, the uniform-grid baseline and the cluster-balanced
 * {@link org.anomalyforge.trokens.sampling.PointSelector}, all seeded through
 * {@link org.anomalyforge.trokens.sampling.SplitMix64}.
 */
package org.anomalyforge.trokens.sampling;
