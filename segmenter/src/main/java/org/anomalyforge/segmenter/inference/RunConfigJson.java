package org.anomalyforge.segmenter.inference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;

/** Jackson (de)serialisation of {@link LfdRunConfig}; unknown fields are refused. */
public final class RunConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RunConfigJson() {
    }

    /** UTF-8 JSON bytes. */
    public static byte[] write(LfdRunConfig config) throws IOException {
        return JSON.writeValueAsBytes(config);
    }

    /**
     * Reads and validates a config file.
     *
     * @throws IOException naming the file if it is unreadable or invalid
     */
    public static LfdRunConfig read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), LfdRunConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": invalid LFD config.json: " + e.getMessage(), e);
        }
    }
}
