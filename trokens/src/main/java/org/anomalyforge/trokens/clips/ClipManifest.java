package org.anomalyforge.trokens.clips;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated clip manifest (spec §4.1, §4.3): UTF-8 CSV with a header row, RFC 4180 quoting, paths relative
 * to the manifest's folder. Reading fails fast with a {@link ClipManifestException} listing every problem,
 * each naming the file, line and field.
 *
 * @param file    the manifest file (absolute)
 * @param entries rows in file order, immutable copy
 */
public record ClipManifest(Path file, List<ClipEntry> entries) {

    /** Column order used when writing. */
    public static final List<String> COLUMNS = List.of("clip_id", "path", "label", "split", "fps", "start_s", "end_s",
            "source", "camera_id", "group", "frames", "seed");
    /** Required columns. */
    public static final List<String> REQUIRED = List.of("clip_id", "path", "label", "split");
    /** Valid splits. */
    public static final List<String> SPLITS = List.of("train", "val", "test");
    /** Valid sources. */
    public static final List<String> SOURCES = List.of("synthetic", "user", "benchmark");

    public ClipManifest {
        entries = List.copyOf(entries);
    }

    /**
     * Reads and validates a manifest.
     *
     * @param allowOverlap allow a class in more than one split (user-data experiments only)
     * @param checkPaths   check that every path exists and is a supported clip
     */
    public static ClipManifest read(Path manifest, boolean allowOverlap, boolean checkPaths) throws IOException {
        Path file = manifest.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        List<CsvRecords.Row> rows;
        try {
            rows = CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ClipManifestException(file, List.of(name + " " + e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new ClipManifestException(file, List.of(name + " line 1: missing header row"));
        }
        List<String> problems = new ArrayList<>();
        List<String> header = rows.get(0).fields();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add(name + " line 1, field '" + column + "': unknown column (expected one of " + COLUMNS + ")");
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                problems.add(name + " line 1, field '" + required + "': required column is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new ClipManifestException(file, problems);
        }
        ManifestRowValidator validator = new ManifestRowValidator(file, header, checkPaths);
        List<ClipEntry> entries = new ArrayList<>();
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            validator.validate(row, problems).ifPresent(entries::add);
        }
        if (!allowOverlap) {
            checkOverlap(name, entries, problems);
        }
        if (!problems.isEmpty()) {
            throw new ClipManifestException(file, problems);
        }
        return new ClipManifest(file, entries);
    }

    /** Writes entries as a manifest (atomically), columns in {@link #COLUMNS} order. */
    public static void write(Path manifest, List<ClipEntry> entries) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (ClipEntry e : entries) {
            List<String> values = List.of(e.clipId(), e.path(), e.label(), e.split(), text(e.fps()),
                    text(e.startSeconds()), text(e.endSeconds()), e.source(), e.cameraId(), e.group(),
                    e.frames().isPresent() ? Integer.toString(e.frames().getAsInt()) : "",
                    e.seed().isPresent() ? Long.toString(e.seed().getAsLong()) : "");
            sb.append(String.join(",", values.stream().map(CsvRecords::quote).toList())).append('\n');
        }
        Path target = manifest.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The clip's path resolved against the manifest's folder. */
    public Path resolve(ClipEntry entry) {
        return file.getParent().resolve(entry.path()).normalize();
    }

    /** Entries of one split, in file order. */
    public List<ClipEntry> split(String split) {
        return entries.stream().filter(e -> e.split().equals(split)).toList();
    }

    /**
     * Warnings (not errors, §4.3): classes with fewer than {@code minClipsPerClass} clips in a split (excluded
     * from episodes), naming the class, split and count.
     */
    public List<String> warnings(int minClipsPerClass) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ClipEntry e : entries) {
            counts.merge(e.split() + "/" + e.label(), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count < minClipsPerClass) {
                out.add(file.getFileName() + ": class '" + key.substring(key.indexOf('/') + 1) + "' in split '"
                        + key.substring(0, key.indexOf('/')) + "' has " + count + " clips, fewer than K + Q = "
                        + minClipsPerClass + "; it is excluded from episodes");
            }
        });
        return out;
    }

    /**
     * Loads one entry as tracking frames, with errors naming the manifest file and line: unreadable clips and
     * clips with fewer than {@code T = 8} tracking frames after resampling.
     */
    public TrackingFrames load(ClipEntry entry, ClipReader reader, FrameSampler sampler) throws IOException {
        String where = file.getFileName() + " line " + entry.line() + ", field 'path'";
        ClipFrames clip;
        try {
            clip = Trim.apply(reader.read(resolve(entry), entry.clipId(), entry.fps().orElse(0)),
                    entry.startSeconds(), entry.endSeconds());
        } catch (IOException | IllegalArgumentException e) {
            throw new ClipManifestException(file, List.of(where + ": " + e.getMessage()));
        }
        TrackingFrames frames = sampler.toTrackingFrames(clip);
        if (frames.size() < FrameSampler.MODEL_FRAMES) {
            throw new ClipManifestException(file, List.of(where + ": clip '" + entry.clipId() + "' has "
                    + frames.size() + " tracking frames after resampling, needs at least " + FrameSampler.MODEL_FRAMES));
        }
        return frames;
    }

    private static void checkOverlap(String name, List<ClipEntry> entries, List<String> problems) {
        Map<String, TreeSet<String>> splitsByLabel = new TreeMap<>();
        for (ClipEntry e : entries) {
            splitsByLabel.computeIfAbsent(e.label(), k -> new TreeSet<>()).add(e.split());
        }
        List<String> overlap = new ArrayList<>();
        splitsByLabel.forEach((label, splits) -> {
            if (splits.size() > 1) {
                overlap.add(label + " " + splits);
            }
        });
        if (!overlap.isEmpty()) {
            problems.add(name + ", field 'label': classes of train, val and test must be disjoint for few-shot"
                    + " evaluation; overlapping: " + String.join(", ", overlap) + " (allowOverlap only for user-data"
                    + " experiments)");
        }
    }

    private static String text(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%s", v.getAsDouble()) : "";
    }

    /** Trimming to {@code [start_s, end_s)} by source timestamps {@code i/fps}. */
    private static final class Trim {
        private Trim() {}

        static ClipFrames apply(ClipFrames clip, OptionalDouble start, OptionalDouble end) {
            if (start.isEmpty() && end.isEmpty()) {
                return clip;
            }
            double s = start.orElse(0);
            double e = end.orElse(Double.POSITIVE_INFINITY);
            List<org.anomalyforge.ingest.image.RgbImage> kept = new ArrayList<>();
            for (int i = 0; i < clip.size(); i++) {
                double t = i / clip.fps();
                if (t >= s && t < e) {
                    kept.add(clip.frames().get(i));
                }
            }
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("clip " + clip.clipId() + ": trim [" + s + ", " + e
                        + ") keeps no frames of a " + clip.durationSeconds() + " s clip");
            }
            return new ClipFrames(clip.clipId(), kept, clip.fps());
        }
    }
}
