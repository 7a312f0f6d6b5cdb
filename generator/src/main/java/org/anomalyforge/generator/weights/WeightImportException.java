package org.anomalyforge.generator.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A weight file that does not match the model: every problem is listed, each naming the key and both shapes. */
public final class WeightImportException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<String> problems;

    /**
     * @param file     the offending file
     * @param problems one line per problem, e.g. {@code missing key conv_in.weight (expected [320, 4, 3, 3])}
     */
    public WeightImportException(Path file, List<String> problems) {
        super(file + ": " + problems.size() + " problem(s): " + String.join("; ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
