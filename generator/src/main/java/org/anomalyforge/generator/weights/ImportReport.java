package org.anomalyforge.generator.weights;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one file import.
 *
 * @param file          the file read
 * @param component     which network
 * @param tensorsLoaded registry parameters filled (= all of them)
 * @param valuesLoaded  elements filled
 * @param droppedKeys   known buffers that were skipped (e.g. {@code position_ids})
 * @param unknownKeys   keys with no parameter, skipped under {@link ImportMode#LENIENT} (empty under STRICT)
 */
public record ImportReport(Path file, Component component, int tensorsLoaded, long valuesLoaded,
        List<String> droppedKeys, List<String> unknownKeys) {

    public ImportReport {
        droppedKeys = List.copyOf(droppedKeys);
        unknownKeys = List.copyOf(unknownKeys);
    }
}
