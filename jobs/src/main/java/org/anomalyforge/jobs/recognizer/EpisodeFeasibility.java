package org.anomalyforge.jobs.recognizer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anomalyforge.jobs.cli.WorkFailedException;
import org.anomalyforge.trokens.clips.ClipEntry;

/**
 * Checks, before any clip is decoded, that a split can fill N-way episodes of K support and Q query clips
 * per class: at least {@code way} classes must have {@code shot + queries} clips.
 */
final class EpisodeFeasibility {

    private EpisodeFeasibility() {}

    /** Clip count per class of {@code entries}, sorted by class. */
    static Map<String, Integer> countByClass(List<ClipEntry> entries) {
        Map<String, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        return counts;
    }

    /**
     * @param split   split name, for the message
     * @throws WorkFailedException naming the split, the rule and each class's count if fewer than {@code way}
     *                             classes have {@code shot + queries} clips
     */
    static void check(String split, List<ClipEntry> entries, int way, int shot, int queries) {
        Map<String, Integer> counts = countByClass(entries);
        long eligible = counts.values().stream().filter(n -> n >= shot + queries).count();
        if (eligible < way) {
            throw new WorkFailedException(way + "-way " + shot + "-shot episodes need " + way + " classes with at "
                    + "least K + Q = " + (shot + queries) + " clips in split '" + split + "', but " + eligible
                    + " of " + counts.size() + " qualify (clips per class: " + counts + ")");
        }
    }
}
