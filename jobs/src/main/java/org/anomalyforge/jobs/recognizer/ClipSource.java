package org.anomalyforge.jobs.recognizer;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.clips.ClipFolderScanner;
import org.anomalyforge.trokens.clips.ClipManifest;
import org.anomalyforge.trokens.clips.ClipReader;
import org.anomalyforge.trokens.synthetic.SyntheticDatasetWriter;

/**
 * Where a command's clips come from, as a small serializable value: Spark tasks reopen the same listing
 * (the trokens manifest records are not serializable) and address clips by their index in it.
 *
 * @param dir    clip folder, absolute
 * @param layout how the folder lists its clips
 */
public record ClipSource(String dir, Layout layout) implements Serializable {

    /** Frame rate recorded for frame-folder clips found by a folder scan. */
    static final double FOLDER_FPS = 10;
    /** The manifest's file name, as the synthesiser writes it. */
    static final String MANIFEST = SyntheticDatasetWriter.MANIFEST;

    /** How a folder lists its clips. */
    public enum Layout {
        /** {@code manifest.csv} in the folder. */
        MANIFEST,
        /** {@code <split>/<class>/<clip>.avi} (or frame folders). */
        SPLIT_FOLDERS,
        /** {@code <label>/<clip>.avi} (or frame folders), all in split {@code train}: support sets. */
        LABEL_FOLDERS
    }

    /**
     * A clip folder for training and evaluation: its manifest when present, else the split-folder layout.
     *
     * @throws IOException naming the folder if it does not exist
     */
    public static ClipSource dataset(Path dir) throws IOException {
        requireFolder(dir, "--clips");
        Path abs = dir.toAbsolutePath().normalize();
        boolean manifest = Files.isRegularFile(abs.resolve(MANIFEST));
        return new ClipSource(abs.toString(), manifest ? Layout.MANIFEST : Layout.SPLIT_FOLDERS);
    }

    /**
     * A support folder: its manifest when present (every row is a support clip), else {@code <label>/<clip>}.
     *
     * @throws IOException naming the folder if it does not exist
     */
    public static ClipSource support(Path dir) throws IOException {
        requireFolder(dir, "--support");
        Path abs = dir.toAbsolutePath().normalize();
        boolean manifest = Files.isRegularFile(abs.resolve(MANIFEST));
        return new ClipSource(abs.toString(), manifest ? Layout.MANIFEST : Layout.LABEL_FOLDERS);
    }

    /**
     * Lists the clips; the same call gives the same entries in the same order on every machine.
     *
     * @throws IOException if the manifest is invalid or the folder holds no clips
     */
    public ClipManifest open() throws IOException {
        Path root = Path.of(dir);
        Path manifestFile = root.resolve(MANIFEST);
        ClipManifest manifest = switch (layout) {
            case MANIFEST -> ClipManifest.read(manifestFile, true, true);
            case SPLIT_FOLDERS -> new ClipManifest(manifestFile, ClipFolderScanner.scan(root, FOLDER_FPS, "user"));
            case LABEL_FOLDERS -> new ClipManifest(manifestFile, scanLabelFolders(root));
        };
        if (manifest.entries().isEmpty()) {
            throw new IOException(dir + ": no clips found (expected " + MANIFEST + " or "
                    + (layout == Layout.LABEL_FOLDERS ? "<label>/<clip>.avi" : "<split>/<class>/<clip>.avi") + ")");
        }
        return manifest;
    }

    private static List<ClipEntry> scanLabelFolders(Path root) throws IOException {
        List<ClipEntry> entries = new ArrayList<>();
        for (Path labelDir : children(root)) {
            if (!Files.isDirectory(labelDir)) {
                continue;
            }
            for (Path clip : children(labelDir)) {
                String name = clip.getFileName().toString();
                boolean folder = Files.isDirectory(clip);
                if (!folder && !name.toLowerCase(Locale.ROOT).endsWith(".avi")) {
                    throw new IOException(root.relativize(clip) + ": " + ClipReader.CONVERSION_HINT);
                }
                String id = folder ? name : name.substring(0, name.length() - 4);
                entries.add(new ClipEntry(0, id, root.relativize(clip).toString().replace('\\', '/'),
                        labelDir.getFileName().toString(), "train",
                        folder ? OptionalDouble.of(FOLDER_FPS) : OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), "user", "", "", OptionalInt.empty(), OptionalLong.empty()));
            }
        }
        return entries;
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    private static void requireFolder(Path dir, String option) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(option + " " + dir + " is not a folder");
        }
    }
}
