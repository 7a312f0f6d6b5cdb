package org.anomalyforge.ingest.store;

import java.nio.file.Path;

/**
 * Where a committed run lives: {@code <store>/<product>/<kind>/<runId>/}.
 */
public record RunRef(Path dir, String product, String kind, String runId) {
    public Path file(String name) {
        return dir.resolve(name);
    }
}
