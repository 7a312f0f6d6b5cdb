package org.anomalyforge.trokens.clips;

import java.nio.file.Path;
import java.util.List;

/**
 * A manifest that fails validation: every problem names the file, line and field, the rule and the value.
 */
public final class ClipManifestException extends java.io.IOException {

    private final Path file;
    private final List<String> problems;

    public ClipManifestException(Path file, List<String> problems) {
        super(file + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The manifest file. */
    public Path file() {
        return file;
    }

    /** One message per problem, each starting with the file name. */
    public List<String> problems() {
        return problems;
    }
}
