package org.anomalyforge.trokens.clips;

import java.nio.file.Path;

/** A clip file or folder that cannot be read, naming the file and, for unsupported containers, how to convert. */
public final class ClipFormatException extends java.io.IOException {

    private final Path file;

    public ClipFormatException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /** The offending file or folder. */
    public Path file() {
        return file;
    }
}
