package org.anomalyforge.ingest.store;

import java.io.IOException;
import java.nio.file.Path;

/** A model-store run that cannot be used; the message names the run folder or file and what is wrong. */
public class ModelStoreException extends IOException {
    public ModelStoreException(Path path, String problem) {
        super(path + ": " + problem);
    }
}
