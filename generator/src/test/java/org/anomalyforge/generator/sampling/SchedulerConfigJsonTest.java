package org.anomalyforge.generator.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading SD-1.4's {@code scheduler/scheduler_config.json} and the §5.1 mismatch rule. */
class SchedulerConfigJsonTest {

    /** SD-1.4's file as shipped (PNDM), which the import reads. */
    static final String SD14 = "{\"_class_name\": \"PNDMScheduler\", \"_diffusers_version\": \"0.7.0.dev0\","
            + " \"beta_end\": 0.012, \"beta_schedule\": \"scaled_linear\", \"beta_start\": 0.00085,"
            + " \"num_train_timesteps\": 1000, \"set_alpha_to_one\": false, \"skip_prk_steps\": true,"
            + " \"steps_offset\": 1, \"trained_betas\": null, \"clip_sample\": false}";

    @TempDir
    Path dir;

    @Test
    void sd14FileGivesTheStableDiffusionConfig() throws IOException {
        Path file = dir.resolve("scheduler_config.json");
        Files.writeString(file, SD14);
        NoiseScheduleConfig config = SchedulerConfigJson.read(file);
        assertEquals(NoiseScheduleConfig.stableDiffusion(), config);
        config.requireTrainingSchedule();
    }

    @Test
    void writeThenReadRoundTrips() throws IOException {
        NoiseScheduleConfig leading =
                NoiseScheduleConfig.stableDiffusion().withTimestepSpacing(TimestepSpacing.LEADING);
        Path file = dir.resolve("out.json");
        SchedulerConfigJson.write(leading, file);
        assertEquals(leading, SchedulerConfigJson.read(file));
    }

    @Test
    void mismatchesAreErrorsNamingTheField() throws IOException {
        NoiseScheduleConfig wrongEnd = SchedulerConfigJson.parse(SD14.replace("0.012", "0.02"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, wrongEnd::requireTrainingSchedule);
        assertEquals("beta_end must be 0.012 (seas.md §5.1), got 0.02", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SchedulerConfigJson.parse(SD14.replace("\"steps_offset\"", "\"prediction_type\": "
                        + "\"v_prediction\", \"steps_offset\"")));
        assertEquals("prediction_type must be epsilon (the only target SeaS models use), got v_prediction",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SchedulerConfigJson.parse(SD14.replace("\"beta_start\": 0.00085,", "")));
        assertEquals("scheduler config field beta_start is required but missing", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SchedulerConfigJson.parse(SD14.replace("\"trained_betas\": null", "\"trained_betas\": [0.1]")));
        assertEquals("trained_betas must be null (schedules are rebuilt from beta_schedule), got [0.1]",
                e.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, SD14.replace("1000", "\"1000\""));
        IOException io = assertThrows(IOException.class, () -> SchedulerConfigJson.read(bad));
        assertTrue(io.getMessage().startsWith(bad + ": scheduler config field num_train_timesteps must be an "
                + "integer"), io.getMessage());
    }
}
