package org.anomalyforge.jobs.recognizer;

import java.io.IOException;
import java.nio.file.Path;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipFrames;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.clips.ClipReader;
import org.anomalyforge.trokens.clips.FrameSampler;
import org.anomalyforge.trokens.clips.TrackingFrames;
import org.anomalyforge.trokens.encoders.PatchDescriptorEncoder;
import org.anomalyforge.trokens.model.PrecomputedClip;
import org.anomalyforge.trokens.tracking.PyramidalLkTracker;
import org.anomalyforge.trokens.tracking.TrackingPipeline;

/**
 * Turns one clip into what the recogniser consumes: decode and resample to tracking frames (§5.1), then the
 * tracking pipeline (patch descriptors, query points, LK tracks, motion tokens) and the model-frame features.
 * One instance per task or command; not thread-safe (OpenCV buffers inside the tracker).
 */
public final class ClipPrecomputer {

    /** A precomputed clip and the wall time of its tracking step (decode excluded). */
    public record Timed(PrecomputedClip clip, double trackMillis) {}

    private final ClipReader reader = new ClipReader(ImageCodec.withDefaults());
    private final PatchDescriptorEncoder encoder = new PatchDescriptorEncoder();
    private final TrackingPipeline pipeline;

    public ClipPrecomputer(TrackingChoice choice) {
        this.pipeline = new TrackingPipeline(encoder, PyramidalLkTracker.withDefaults(), choice.pipeline());
    }

    /** Id of the appearance encoder the features come from (recorded with trained models). */
    public String encoderId() {
        return encoder.id();
    }

    /**
     * @throws IllegalArgumentException naming the model if it was trained on another encoder's features
     */
    public void requireEncoderOf(String modelEncoderId, Path model) {
        if (!encoder.id().equals(modelEncoderId)) {
            throw new IllegalArgumentException("--model " + model + " was trained on encoder '" + modelEncoderId
                    + "' features; these commands compute '" + encoder.id() + "' features");
        }
    }

    /** Precomputes a manifest entry; errors name the manifest line. */
    public Timed precompute(ClipManifest manifest, ClipEntry entry) throws IOException {
        return track(manifest.load(entry, reader, FrameSampler.DEFAULT));
    }

    /**
     * Precomputes a single clip file (MJPG AVI) or frame folder.
     *
     * @param folderFps frame rate of a frame folder (ignored for videos)
     * @throws IOException if the clip cannot be read or has fewer than {@code T = 8} tracking frames
     */
    public Timed precompute(Path clip, double folderFps) throws IOException {
        String name = clip.getFileName().toString();
        String id = name.toLowerCase(java.util.Locale.ROOT).endsWith(".avi") ? name.substring(0, name.length() - 4)
                : name;
        ClipFrames frames = reader.read(clip, id, folderFps);
        TrackingFrames tracking = FrameSampler.DEFAULT.toTrackingFrames(frames);
        if (tracking.size() < FrameSampler.MODEL_FRAMES) {
            throw new IOException(clip + ": clip has " + tracking.size() + " tracking frames after resampling to "
                    + "10 fps, needs at least " + FrameSampler.MODEL_FRAMES);
        }
        return track(tracking);
    }

    private Timed track(TrackingFrames frames) {
        long start = System.nanoTime();
        PrecomputedClip clip = PrecomputedClip.of(frames, pipeline.process(frames), encoder);
        return new Timed(clip, (System.nanoTime() - start) / 1e6);
    }
}
