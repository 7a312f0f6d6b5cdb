package org.anomalyforge.trokens.sampling;

/** How query points are found (spec §7). */
public enum SamplingMode {
    /** Bipartite token merging per frame, temporal union, peak-frame query points (default). */
    BIPARTITE,
    /** One k-means over all patch features of the clip, then peak-frame query points. */
    KMEANS,
    /** TATs-style 16×16 grid at 7 query frames, forward tracking, redundancy filter. */
    GRID
}
