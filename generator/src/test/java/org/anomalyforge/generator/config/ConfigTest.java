package org.anomalyforge.generator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @Test
    void profilesDeriveTheSpecTaps() {
        SeasModelConfig tiny = SeasModelConfig.tiny();
        SeasModelConfig sd14 = SeasModelConfig.sd14();
        assertEquals(List.of(0, 1), tiny.daDownBlocks());
        assertEquals(List.of(1, 2), sd14.daDownBlocks());
        assertEquals(0, tiny.rmpUp2Block());
        assertEquals(1, tiny.rmpUp3Block());
        assertEquals(1, sd14.rmpUp2Block());
        assertEquals(2, sd14.rmpUp3Block());
        assertEquals(3, tiny.vaeTapCount());
        assertEquals(3, sd14.vaeTapCount());
        assertEquals(16, tiny.vae().latentSize());
        assertEquals(64, sd14.vae().latentSize());
        assertEquals(1280, sd14.unet().timeEmbeddingDim());
        assertEquals(128, tiny.unet().timeEmbeddingDim());
        assertEquals(List.of(32, 64, 128, 128), List.of(sd14.vae().decoderUpBlockOutputResolution(0) / 4,
                sd14.vae().decoderUpBlockOutputResolution(1) / 4, sd14.vae().decoderUpBlockOutputResolution(2) / 4,
                sd14.vae().decoderUpBlockOutputResolution(3) / 4));
    }

    @Test
    void jsonRoundTripKeepsEveryField(@TempDir Path dir) throws IOException {
        for (SeasModelConfig c : List.of(SeasModelConfig.tiny(), SeasModelConfig.sd14())) {
            Path file = dir.resolve(c.profile() + ".json");
            ConfigJson.write(c, file);
            assertEquals(c, ConfigJson.read(file, SeasModelConfig.class));
        }
        String json = ConfigJson.toJson(SeasModelConfig.sd14());
        assertTrue(json.contains("\"down_block_types\" : [ \"CrossAttnDownBlock2D\""), json);
        assertTrue(json.contains("\"scaling_factor\" : 0.18215"), json);
        assertTrue(json.contains("\"activation\" : \"quick_gelu\""), json);
    }

    @Test
    void readingRejectsUnknownKeysAndInvalidValues() {
        String json = ConfigJson.toJson(SeasModelConfig.tiny().textEncoder());
        IOException unknown = assertThrows(IOException.class,
                () -> ConfigJson.fromJson(json.replaceFirst("\\{", "{ \"colour\" : 1,"), TextEncoderConfig.class));
        assertTrue(unknown.getMessage().contains("Unrecognized field \"colour\""), unknown.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> ConfigJson.fromJson(json.replace("\"width\"", "\"widht\""), TextEncoderConfig.class));
        assertTrue(missing.getMessage().contains("Missing creator property 'width'"), missing.getMessage());
        Exception invalid = assertThrows(Exception.class,
                () -> ConfigJson.fromJson(json.replace("\"heads\" : 4", "\"heads\" : 3"), TextEncoderConfig.class));
        assertTrue(invalid.getMessage().contains("TextEncoderConfig.width must be divisible by heads = 3, got 128"),
                invalid.getMessage());
    }

    @Test
    void recordsValidateWithNamedMessages() {
        SeasModelConfig tiny = SeasModelConfig.tiny();
        IllegalArgumentException da = assertThrows(IllegalArgumentException.class, () -> new SeasModelConfig("x", 128,
                tiny.unet(), tiny.vae(), tiny.textEncoder(), List.of(4)));
        assertEquals("SeasModelConfig.daResolutions: down block 2 at resolution 4 has no cross-attention",
                da.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> new SeasModelConfig("x",
                128, tiny.unet(), tiny.vae(), SeasModelConfig.sd14().textEncoder(), List.of(16)));
        assertEquals("SeasModelConfig.unet.crossAttentionDim must equal textEncoder.width 768, got 128",
                width.getMessage());
        IllegalArgumentException groups = assertThrows(IllegalArgumentException.class, () -> new VaeConfig(128, 3, 3,
                4, List.of(16, 30), 1, 8, 1e-6, 1));
        assertEquals("VaeConfig.blockOutChannels[i] must be divisible by normGroups = 8, got 30", groups.getMessage());
        assertEquals(0.2, tiny.vae().withScalingFactor(0.2).scalingFactor(), 0);
    }
}
