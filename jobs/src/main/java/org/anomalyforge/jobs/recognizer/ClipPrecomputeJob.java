package org.anomalyforge.jobs.recognizer;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.train.LabeledClip;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;

/**
 * Precomputes tracks and tokens for many clips as a Spark job: the driver plans the clip indices, each task
 * reopens the clip listing, decodes its clips, runs the tracking pipeline and returns the clips encoded with
 * {@link PrecomputedClipCodec}; the driver decodes them and restores listing order.
 */
public final class ClipPrecomputeJob {

    /** What a task returns for one clip. */
    record Encoded(int index, byte[] clip, double trackMillis) implements Serializable {}

    /**
     * The precomputed clips in listing order.
     *
     * @param clips       labelled clips (label and source from the listing)
     * @param trackMillis mean wall time per clip of tracking + tokens (decode excluded), measured in the tasks
     */
    public record Result(List<LabeledClip> clips, double trackMillis) {
        public Result {
            clips = List.copyOf(clips);
        }
    }

    private ClipPrecomputeJob() {}

    /**
     * @param spark    session
     * @param source   the clip listing
     * @param manifest {@code source.open()} as the driver read it
     * @param entries  entries of {@code manifest} to precompute (a split, usually)
     * @param choice   sampler and {@code M}
     */
    public static Result run(SparkSession spark, ClipSource source, ClipManifest manifest, List<ClipEntry> entries,
                             TrackingChoice choice) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no clips to precompute in " + source.dir());
        }
        List<Integer> indices = new ArrayList<>(entries.size());
        for (ClipEntry e : entries) {
            int index = manifest.entries().indexOf(e);
            if (index < 0) {
                throw new IllegalArgumentException("clip " + e.clipId() + " is not in the listing of " + source.dir());
            }
            indices.add(index);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.max(1, Math.min(indices.size(), 2 * jsc.defaultParallelism()));
        FlatMapFunction<Iterator<Integer>, Encoded> task = part -> precomputePartition(part, source, choice);
        List<Encoded> encoded = new ArrayList<>(jsc.parallelize(indices, partitions).mapPartitions(task).collect());
        encoded.sort(Comparator.comparingInt(Encoded::index));
        List<LabeledClip> clips = new ArrayList<>(encoded.size());
        double totalMillis = 0;
        for (Encoded e : encoded) {
            ClipEntry entry = manifest.entries().get(e.index());
            String sourceName = entry.source().isEmpty() ? "user" : entry.source();
            clips.add(new LabeledClip(PrecomputedClipCodec.decode(e.clip()), entry.label(), sourceName));
            totalMillis += e.trackMillis();
        }
        return new Result(clips, totalMillis / encoded.size());
    }

    private static Iterator<Encoded> precomputePartition(Iterator<Integer> indices, ClipSource source,
                                                         TrackingChoice choice) {
        List<Encoded> out = new ArrayList<>();
        if (!indices.hasNext()) {
            return out.iterator();
        }
        try {
            ClipManifest manifest = source.open();
            ClipPrecomputer precomputer = new ClipPrecomputer(choice);
            while (indices.hasNext()) {
                int index = indices.next();
                ClipPrecomputer.Timed timed = precomputer.precompute(manifest, manifest.entries().get(index));
                out.add(new Encoded(index, PrecomputedClipCodec.encode(timed.clip()), timed.trackMillis()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return out.iterator();
    }
}
