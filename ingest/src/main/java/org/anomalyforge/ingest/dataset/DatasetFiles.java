package org.anomalyforge.ingest.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** File-name rules of the MVTec layout: which files are images, and how masks are named. */
final class DatasetFiles {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");
    static final String MASK_SUFFIX = "_mask";

    private DatasetFiles() {}

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    static boolean isImage(Path file) {
        return Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")
                && IMAGE_EXTENSIONS.contains(extension(file));
    }

    /** Image files directly inside {@code dir}, sorted by file name; empty if {@code dir} does not exist. */
    static List<Path> images(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(DatasetFiles::isImage).sorted(DatasetFiles::byFileName).toList();
        }
    }

    /** Sub-folders of {@code dir} (no hidden ones), sorted by name. */
    static List<Path> subfolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(DatasetFiles::byFileName).toList();
        }
    }

    /** Non-image regular files directly inside {@code dir} (reported, never read). */
    static List<Path> strayFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !isImage(p)).sorted(DatasetFiles::byFileName).toList();
        }
    }

    /** Sort key of the few-shot protocol: the plain file name, compared as a string. */
    static int byFileName(Path a, Path b) {
        return a.getFileName().toString().compareTo(b.getFileName().toString());
    }
}
