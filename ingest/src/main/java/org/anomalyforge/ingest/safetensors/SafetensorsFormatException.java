package org.anomalyforge.ingest.safetensors;

import java.io.IOException;
import java.nio.file.Path;

/** A safetensors file that cannot be accepted; the message starts with the file path and names the problem. */
public class SafetensorsFormatException extends IOException {
    private final transient Path file;

    public SafetensorsFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public SafetensorsFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The refused file. */
    public Path file() {
        return file;
    }
}
