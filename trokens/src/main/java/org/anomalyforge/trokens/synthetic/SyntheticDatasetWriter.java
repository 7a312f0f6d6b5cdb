package org.anomalyforge.trokens.synthetic;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.anomalyforge.trokens.clips.AviClipWriter;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.sampling.SplitMix64;

/**
 * Writes a synthetic clip set: {@code <out>/<split>/<label>/<clipId>.avi} (MJPEG, quality per clip), a JSON
 * sidecar {@code <clipId>.json} with the product's ground-truth corner tracks, and {@code <out>/manifest.csv}
 * with {@code source = synthetic}, fps, frame count and seed per row.
 */
public final class SyntheticDatasetWriter {

    /** Manifest file name inside the output folder. */
    public static final String MANIFEST = "manifest.csv";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private final ActionClipSynthesizer synthesizer;

    public SyntheticDatasetWriter(ActionClipSynthesizer synthesizer) {
        this.synthesizer = java.util.Objects.requireNonNull(synthesizer, "synthesizer must not be null");
    }

    /** Clip seed of clip {@code index} of class {@code action} in a set seeded with {@code seed}. */
    public static long clipSeed(long seed, ActionClass action, int index) {
        return SplitMix64.mix(seed, action.kind().ordinal(), action.sign(), index);
    }

    /**
     * @param out      output folder (created); an existing {@code manifest.csv} is replaced
     * @param classes  classes to render
     * @param split    split of each class ({@code train | val | test}); keep classes disjoint across splits
     * @param perClass clips per class, ≥ 1
     * @param seed     set seed
     * @return the manifest that was written
     */
    public ClipManifest write(Path out, List<ActionClass> classes, Function<ActionClass, String> split, int perClass,
                              long seed) throws IOException {
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be >= 1, got " + perClass);
        }
        List<ClipEntry> entries = new ArrayList<>();
        for (ActionClass action : classes) {
            String s = split.apply(action);
            if (!ClipManifest.SPLITS.contains(s)) {
                throw new IllegalArgumentException("split of class " + action.label() + " must be one of "
                        + ClipManifest.SPLITS + ", got '" + s + "'");
            }
            for (int i = 0; i < perClass; i++) {
                String clipId = String.format(java.util.Locale.ROOT, "%s-%03d", action.label(), i);
                long clipSeed = clipSeed(seed, action, i);
                SyntheticClip clip = synthesizer.render(clipId, action, clipSeed);
                String relative = s + "/" + action.label() + "/" + clipId + ".avi";
                Path file = out.resolve(relative);
                new AviClipWriter(clip.jpegQuality()).write(file, clip.frames(), clip.fps());
                writeSidecar(out.resolve(s + "/" + action.label() + "/" + clipId + ".json"), clip);
                entries.add(ClipEntry.synthetic(clipId, relative, action.label(), s, clip.fps(), clip.frames().size(),
                        clipSeed));
            }
        }
        Path manifest = out.resolve(MANIFEST);
        ClipManifest.write(manifest, entries);
        return ClipManifest.read(manifest, false, true);
    }

    private static void writeSidecar(Path file, SyntheticClip clip) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clip_id", clip.clipId());
        json.put("label", clip.action().label());
        json.put("seed", clip.seed());
        json.put("fps", clip.fps());
        json.put("width", clip.frames().get(0).width());
        json.put("height", clip.frames().get(0).height());
        json.put("jpeg_quality", clip.jpegQuality());
        json.put("product_corners_xy", clip.productCorners());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, GSON.toJson(json), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
