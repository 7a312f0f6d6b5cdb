package org.anomalyforge.ingest.dataset;

import java.io.IOException;
import java.nio.file.Path;

/** A dataset folder that cannot be read at all; the message names the folder and what is wrong. */
public class DatasetException extends IOException {
    public DatasetException(Path path, String problem) {
        super(path + ": " + problem);
    }
}
