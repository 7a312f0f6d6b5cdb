package org.anomalyforge.ingest.dataset;

import java.nio.file.Path;

/**
 * One problem found in a dataset, tied to the file or folder it concerns.
 *
 * @param severity {@link Severity#ERROR} makes the dataset unusable as it is
 * @param file     the file or folder concerned
 * @param problem  what is wrong, in words a user can act on
 */
public record DatasetIssue(Severity severity, Path file, String problem) {

    public enum Severity { ERROR, WARNING }

    static DatasetIssue error(Path file, String problem) {
        return new DatasetIssue(Severity.ERROR, file, problem);
    }

    static DatasetIssue warning(Path file, String problem) {
        return new DatasetIssue(Severity.WARNING, file, problem);
    }

    @Override
    public String toString() {
        return severity + " " + file + ": " + problem;
    }
}
