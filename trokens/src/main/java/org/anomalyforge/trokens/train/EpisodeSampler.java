package org.anomalyforge.trokens.train;

import org.anomalyforge.trokens.sampling.SplitMix64;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seeded N-way K-shot episode sampler (spec §12). Episode {@code i} is drawn from its own SplitMix64 stream
 * seeded with {@code mix(seed, i)}, so episodes are reproducible and independent of the order in which they
 * are requested. Classes with fewer than {@code K + Q} clips are excluded (one warning naming them); fewer
 * than N eligible classes is an error.
 */
public final class EpisodeSampler {

    private static final System.Logger LOG = System.getLogger(EpisodeSampler.class.getName());

    private final int way;
    private final int shot;
    private final int queries;
    private final long seed;
    private final List<String> classes;
    private final List<int[]> clipsByClass;
    private final List<String> excluded;

    /**
     * @param labels  label of each clip (index = clip index)
     * @param way     N ≥ 2
     * @param shot    K ≥ 1
     * @param queries Q ≥ 1 per class
     * @param seed    episode stream seed
     */
    public EpisodeSampler(List<String> labels, int way, int shot, int queries, long seed) {
        if (way < 2 || shot < 1 || queries < 1) {
            throw new IllegalArgumentException("episodes need way >= 2, shot >= 1, queries >= 1, got way " + way
                    + ", shot " + shot + ", queries " + queries);
        }
        this.way = way;
        this.shot = shot;
        this.queries = queries;
        this.seed = seed;
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byClass.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
        }
        List<String> eligible = new ArrayList<>();
        List<int[]> clips = new ArrayList<>();
        List<String> tooSmall = new ArrayList<>();
        byClass.forEach((label, idx) -> {
            if (idx.size() >= shot + queries) {
                eligible.add(label);
                clips.add(idx.stream().mapToInt(Integer::intValue).toArray());
            } else {
                tooSmall.add(label + " (" + idx.size() + ")");
            }
        });
        if (!tooSmall.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "classes with fewer than K + Q = {0} clips are excluded from "
                    + "episodes: {1}", shot + queries, tooSmall);
        }
        if (eligible.size() < way) {
            throw new IllegalArgumentException(way + "-way episodes need " + way + " classes with at least K + Q = "
                    + (shot + queries) + " clips, found " + eligible.size() + " " + eligible
                    + (tooSmall.isEmpty() ? "" : "; excluded " + tooSmall));
        }
        this.classes = List.copyOf(eligible);
        this.clipsByClass = clips;
        this.excluded = List.copyOf(tooSmall);
    }

    /** Classes that take part in episodes, sorted. */
    public List<String> classes() {
        return classes;
    }

    /** Excluded classes with their clip counts, e.g. {@code "stall (2)"}. */
    public List<String> excluded() {
        return excluded;
    }

    /** Episode number {@code index} (any order, same result every time). */
    public Episode episode(long index) {
        SplitMix64 rng = new SplitMix64(SplitMix64.mix(seed, index));
        int[] picked = partialShuffle(classes.size(), way, rng);
        List<String> names = new ArrayList<>(way);
        int[][] support = new int[way][shot];
        int[][] query = new int[way][queries];
        for (int c = 0; c < way; c++) {
            names.add(classes.get(picked[c]));
            int[] pool = clipsByClass.get(picked[c]);
            int[] draw = partialShuffle(pool.length, shot + queries, rng);
            for (int k = 0; k < shot; k++) {
                support[c][k] = pool[draw[k]];
            }
            for (int q = 0; q < queries; q++) {
                query[c][q] = pool[draw[shot + q]];
            }
        }
        return new Episode(names, support, query);
    }

    /** The first {@code k} entries of a partial Fisher–Yates shuffle of {@code 0..n-1}. */
    private static int[] partialShuffle(int n, int k, SplitMix64 rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return java.util.Arrays.copyOf(a, k);
    }
}
