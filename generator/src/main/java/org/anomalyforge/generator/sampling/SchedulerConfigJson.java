package org.anomalyforge.generator.sampling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes diffusers' {@code scheduler_config.json} as a {@link NoiseScheduleConfig}.
 *
 * <p>Read rules: {@code num_train_timesteps}, {@code beta_start}, {@code beta_end} and {@code beta_schedule}
 * are required; {@code prediction_type} defaults to epsilon, {@code timestep_spacing} to linspace (seas.md
 * §5.3: SD-1.4's file has none) and {@code steps_offset} to 0. A non-null {@code trained_betas} is refused
 * (we only rebuild schedules from their formula). Other keys ({@code _class_name}, {@code skip_prk_steps}, …)
 * describe the original pipeline's sampler and are ignored.
 */
public final class SchedulerConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchedulerConfigJson() {
    }

    /**
     * Parses a {@code scheduler_config.json} file.
     *
     * @throws IOException if the file cannot be read, is not JSON, or a field is missing or invalid (the
     *                     message names the file and the field)
     */
    public static NoiseScheduleConfig read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String text = Files.readString(file);
        try {
            return parse(text);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the text of a {@code scheduler_config.json}.
     *
     * @throws JsonProcessingException  if the text is not a JSON object
     * @throws IllegalArgumentException if a field is missing or invalid
     */
    public static NoiseScheduleConfig parse(String json) throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("scheduler config must be a JSON object");
        }
        JsonNode trained = root.get("trained_betas");
        if (trained != null && !trained.isNull()) {
            throw new IllegalArgumentException("trained_betas must be null (schedules are rebuilt from "
                    + "beta_schedule), got " + trained);
        }
        int numTrain = required(root, "num_train_timesteps").isIntegralNumber()
                ? root.get("num_train_timesteps").intValue() : invalid("num_train_timesteps", root);
        double betaStart = number(root, "beta_start");
        double betaEnd = number(root, "beta_end");
        BetaSchedule schedule = BetaSchedule.fromDiffusersName(text(root, "beta_schedule", null));
        PredictionType prediction = PredictionType.fromDiffusersName(
                text(root, "prediction_type", PredictionType.EPSILON.diffusersName()));
        TimestepSpacing spacing = TimestepSpacing.fromDiffusersName(
                text(root, "timestep_spacing", TimestepSpacing.LINSPACE.diffusersName()));
        JsonNode offsetNode = root.get("steps_offset");
        int offset = 0;
        if (offsetNode != null && !offsetNode.isNull()) {
            offset = offsetNode.isIntegralNumber() ? offsetNode.intValue() : invalid("steps_offset", root);
        }
        return new NoiseScheduleConfig(numTrain, betaStart, betaEnd, schedule, prediction, spacing, offset);
    }

    /** The diffusers JSON for {@code config} (keys as diffusers writes them, {@code _class_name} omitted). */
    public static String toJson(NoiseScheduleConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("num_train_timesteps", config.numTrainTimesteps());
        root.put("beta_start", config.betaStart());
        root.put("beta_end", config.betaEnd());
        root.put("beta_schedule", config.betaSchedule().diffusersName());
        root.put("prediction_type", config.predictionType().diffusersName());
        root.put("timestep_spacing", config.timestepSpacing().diffusersName());
        root.put("steps_offset", config.stepsOffset());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an in-memory JSON tree", e);
        }
    }

    /** Writes {@link #toJson} to {@code file}. */
    public static void write(NoiseScheduleConfig config, Path file) throws IOException {
        Files.writeString(file, toJson(config));
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("scheduler config field " + field + " is required but missing");
        }
        return node;
    }

    private static double number(JsonNode root, String field) {
        JsonNode node = required(root, field);
        if (!node.isNumber()) {
            throw new IllegalArgumentException("scheduler config field " + field + " must be a number, got "
                    + node);
        }
        return node.doubleValue();
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException("scheduler config field " + field + " is required but missing");
            }
            return fallback;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("scheduler config field " + field + " must be a string, got "
                    + node);
        }
        return node.textValue();
    }

    private static int invalid(String field, JsonNode root) {
        throw new IllegalArgumentException("scheduler config field " + field + " must be an integer, got "
                + root.get(field));
    }
}
