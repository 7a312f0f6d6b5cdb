package org.anomalyforge.generator.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the configuration records as JSON ({@code config.json}): snake_case keys, block types under
 * their diffusers names, unknown keys rejected. Reading runs every record's validation.
 */
public final class ConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ConfigJson() {
    }

    /** The JSON text of a configuration record. */
    public static String toJson(Object config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise " + config.getClass().getSimpleName(), e);
        }
    }

    /** Parses and validates a record of type {@code type}. */
    public static <T> T fromJson(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /** Writes {@code config} to {@code file} (UTF-8). */
    public static void write(Object config, Path file) throws IOException {
        Files.writeString(file, toJson(config));
    }

    /** Reads and validates a record of type {@code type} from {@code file}. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(Files.readString(file), type);
        } catch (IOException e) {
            throw new IOException(file + ": not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
