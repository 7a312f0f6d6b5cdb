package org.anomalyforge.trokens.clips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Validates manifest rows one by one (spec §4.3), collecting problems that name file, line, field, rule and
 * value. Remembers clip ids to report duplicates with the earlier line. One instance per manifest read.
 */
final class ManifestRowValidator {

    private static final Pattern CLIP_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]+");

    private final Path file;
    private final String name;
    private final List<String> header;
    private final boolean checkPaths;
    private final Map<String, Integer> idLines = new HashMap<>();

    ManifestRowValidator(Path file, List<String> header, boolean checkPaths) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.header = header;
        this.checkPaths = checkPaths;
    }

    /** Adds this row's problems to {@code problems}; returns the entry when the row is valid. */
    Optional<ClipEntry> validate(CsvRecords.Row row, List<String> problems) {
        int line = row.line();
        if (row.fields().size() != header.size()) {
            problems.add(name + " line " + line + ": expected " + header.size() + " fields, got " + row.fields().size());
            return Optional.empty();
        }
        int before = problems.size();
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            f.put(header.get(i), row.fields().get(i).trim());
        }
        String clipId = f.getOrDefault("clip_id", "");
        if (!CLIP_ID.matcher(clipId).matches()) {
            problems.add(at(line, "clip_id") + "must match [A-Za-z0-9._-]+, got '" + clipId + "'");
        } else if (idLines.containsKey(clipId)) {
            problems.add(at(line, "clip_id") + "duplicate clip_id '" + clipId + "' (first on line "
                    + idLines.get(clipId) + ")");
        } else {
            idLines.put(clipId, line);
        }
        String label = f.getOrDefault("label", "");
        if (!LABEL.matcher(label).matches()) {
            problems.add(at(line, "label") + "must match [A-Za-z0-9_-]+, got '" + label + "'");
        }
        String split = f.getOrDefault("split", "");
        if (!ClipManifest.SPLITS.contains(split)) {
            problems.add(at(line, "split") + "unknown split '" + split + "' (expected train | val | test)");
        }
        String source = f.getOrDefault("source", "");
        if (!source.isEmpty() && !ClipManifest.SOURCES.contains(source)) {
            problems.add(at(line, "source") + "unknown source '" + source + "' (expected synthetic | user | benchmark)");
        }
        OptionalDouble fps = positive(f, "fps", line, problems);
        OptionalDouble start = nonNegative(f, "start_s", line, problems);
        OptionalDouble end = nonNegative(f, "end_s", line, problems);
        if (start.isPresent() && end.isPresent() && end.getAsDouble() <= start.getAsDouble()) {
            problems.add(at(line, "end_s") + "must be greater than start_s = " + start.getAsDouble() + ", got "
                    + end.getAsDouble());
        }
        OptionalInt frames = frames(f, line, problems);
        OptionalLong seed = seed(f, line, problems);
        String path = f.getOrDefault("path", "");
        checkPath(path, fps, line, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ClipEntry(line, clipId, path, label, split, fps, start, end, source,
                f.getOrDefault("camera_id", ""), f.getOrDefault("group", ""), frames, seed));
    }

    private void checkPath(String path, OptionalDouble fps, int line, List<String> problems) {
        if (path.isEmpty()) {
            problems.add(at(line, "path") + "is required, got ''");
            return;
        }
        Path resolved = file.getParent().resolve(path).normalize();
        if (Files.isDirectory(resolved)) {
            if (fps.isEmpty()) {
                problems.add(at(line, "fps") + "is required for frame folder '" + path + "'");
            }
            return;
        }
        if (!path.toLowerCase(java.util.Locale.ROOT).endsWith(".avi")) {
            problems.add(at(line, "path") + "'" + path + "' is neither an .avi file nor a frame folder; "
                    + ClipReader.CONVERSION_HINT);
            return;
        }
        if (checkPaths && (!Files.isRegularFile(resolved) || !Files.isReadable(resolved))) {
            problems.add(at(line, "path") + "missing or unreadable file '" + path + "' (resolved to " + resolved + ")");
        }
    }

    private OptionalDouble positive(Map<String, String> f, String field, int line, List<String> problems) {
        OptionalDouble v = number(f, field, line, problems);
        if (v.isPresent() && !(v.getAsDouble() > 0)) {
            problems.add(at(line, field) + "must be > 0, got " + f.get(field));
            return OptionalDouble.empty();
        }
        return v;
    }

    private OptionalDouble nonNegative(Map<String, String> f, String field, int line, List<String> problems) {
        OptionalDouble v = number(f, field, line, problems);
        if (v.isPresent() && !(v.getAsDouble() >= 0)) {
            problems.add(at(line, field) + "must be >= 0, got " + f.get(field));
            return OptionalDouble.empty();
        }
        return v;
    }

    private OptionalDouble number(Map<String, String> f, String field, int line, List<String> problems) {
        String s = f.getOrDefault(field, "");
        if (s.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            problems.add(at(line, field) + "must be a finite number, got '" + s + "'");
            return OptionalDouble.empty();
        }
    }

    private OptionalInt frames(Map<String, String> f, int line, List<String> problems) {
        String s = f.getOrDefault("frames", "");
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int v = Integer.parseInt(s);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(v);
        } catch (NumberFormatException e) {
            problems.add(at(line, "frames") + "must be an integer >= 1, got '" + s + "'");
            return OptionalInt.empty();
        }
    }

    private OptionalLong seed(Map<String, String> f, int line, List<String> problems) {
        String s = f.getOrDefault("seed", "");
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            problems.add(at(line, "seed") + "must be an integer, got '" + s + "'");
            return OptionalLong.empty();
        }
    }

    private String at(int line, String field) {
        return name + " line " + line + ", field '" + field + "': ";
    }
}
