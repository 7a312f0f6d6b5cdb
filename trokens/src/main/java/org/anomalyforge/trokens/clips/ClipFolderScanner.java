package org.anomalyforge.trokens.clips;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Resolves the folder-per-class layout {@code <root>/<split>/<class>/<clip>} (spec §4.1, layout 1) into
 * manifest entries: {@code <clip>} is an {@code .avi} file or a frame folder; any other file is reported
 * with the conversion hint. Paths are relative to {@code root}, so the entries can be written as
 * {@code <root>/manifest.csv} and validated like any manifest.
 */
public final class ClipFolderScanner {

    private ClipFolderScanner() {}

    /**
     * @param root      folder holding {@code train}, {@code val} and/or {@code test}
     * @param folderFps frame rate recorded for frame folders (videos use their container's rate)
     * @param source    {@code user}, {@code benchmark} or {@code synthetic}
     */
    public static List<ClipEntry> scan(Path root, double folderFps, String source) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new ClipFormatException(root, "clip root is not a folder");
        }
        List<ClipEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String split : ClipManifest.SPLITS) {
            Path splitDir = root.resolve(split);
            if (!Files.isDirectory(splitDir)) {
                continue;
            }
            for (Path classDir : sortedChildren(splitDir)) {
                if (!Files.isDirectory(classDir)) {
                    continue;
                }
                for (Path clip : sortedChildren(classDir)) {
                    String name = clip.getFileName().toString();
                    boolean folder = Files.isDirectory(clip);
                    if (!folder && !name.toLowerCase(Locale.ROOT).endsWith(".avi")) {
                        if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                            problems.add(root.relativize(clip) + ": " + ClipReader.CONVERSION_HINT);
                        }
                        continue;
                    }
                    String id = folder ? name : name.substring(0, name.length() - 4);
                    entries.add(new ClipEntry(0, id, root.relativize(clip).toString().replace('\\', '/'),
                            classDir.getFileName().toString(), split,
                            folder ? OptionalDouble.of(folderFps) : OptionalDouble.empty(), OptionalDouble.empty(),
                            OptionalDouble.empty(), source, "", "", OptionalInt.empty(), OptionalLong.empty()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ClipManifestException(root, problems);
        }
        return entries;
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }
}
