package org.anomalyforge.generator.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.text.ClipTextModel;
import org.anomalyforge.generator.vae.AutoencoderKL;
import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Name mapping (legacy VAE names, [C,C,1,1], module. prefix, position_ids), dtypes and strict errors. */
class WeightImportTest {

    private static final SeasModelConfig TINY = SeasModelConfig.tiny();
    private static final String ENC_ATTN = "encoder.mid_block.attentions.0.";

    @Test
    void legacyVaeFileWithHalfPrecisionTensorsImportsExactly(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            AutoencoderKL source = seededVae(m);
            SafetensorsWriter w = new SafetensorsWriter();
            for (Map.Entry<String, Parameter> e : ParameterRegistry.parameters(source).entrySet()) {
                String key = e.getKey();
                long[] shape = e.getValue().getShape().getShape();
                float[] v = e.getValue().getArray().toFloatArray();
                if (key.equals(ENC_ATTN + "to_q.weight")) {
                    w.addFloats(ENC_ATTN + "query.weight", new long[] {shape[0], shape[1], 1, 1}, v);
                } else if (key.equals(ENC_ATTN + "to_out.0.bias")) {
                    w.addFloats(ENC_ATTN + "proj_attn.bias", shape, v);
                } else if (key.equals("decoder.conv_in.weight")) {
                    w.addF16(key, shape, v);
                } else if (key.equals("decoder.conv_out.weight")) {
                    w.addBf16(key, shape, v);
                } else if (key.equals("quant_conv.weight")) {
                    w.addFloats("module." + key, shape, v);
                } else {
                    w.addFloats(key, shape, v);
                }
            }
            Path file = dir.resolve("vae.safetensors");
            w.write(file);

            AutoencoderKL target = new AutoencoderKL(TINY.vae());
            ModelInitialization.zeros(target, m);
            ImportReport report = WeightImporter.importFile(target, Component.VAE, file, ImportMode.STRICT);
            assertEquals(184, report.tensorsLoaded());
            Map<String, Parameter> got = ParameterRegistry.parameters(target);
            try (SafetensorsFile f = SafetensorsFile.open(file)) {
                // F16 / BF16 values: exactly the widened stored values, read independently by the codec
                assertArrayEquals(f.readFloats("decoder.conv_in.weight"),
                        got.get("decoder.conv_in.weight").getArray().toFloatArray(), 0f);
                assertArrayEquals(f.readFloats("decoder.conv_out.weight"),
                        got.get("decoder.conv_out.weight").getArray().toFloatArray(), 0f);
            }
            Set<String> rounded = Set.of("decoder.conv_in.weight", "decoder.conv_out.weight");
            ParameterRegistry.parameters(source).forEach((k, p) -> {
                if (!rounded.contains(k)) {
                    assertArrayEquals(p.getArray().toFloatArray(), got.get(k).getArray().toFloatArray(), 0f, k);
                }
            });
        }
    }

    @Test
    void textEncoderDropsPositionIds(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            ClipTextModel text = new ClipTextModel(TINY.textEncoder());
            ModelInitialization.seeded(text, m, 4);
            SafetensorsWriter w = new SafetensorsWriter();
            ParameterRegistry.parameters(text).forEach((k, p) -> w.addFloats(k, p.getShape().getShape(),
                    p.getArray().toFloatArray()));
            long[] positions = new long[77];
            for (int i = 0; i < 77; i++) {
                positions[i] = i;
            }
            w.addLongs("text_model.embeddings.position_ids", new long[] {1, 77}, positions);
            Path file = dir.resolve("model.safetensors");
            w.write(file);
            ClipTextModel target = new ClipTextModel(TINY.textEncoder());
            ModelInitialization.zeros(target, m);
            ImportReport r = WeightImporter.importFile(target, Component.TEXT_ENCODER, file, ImportMode.STRICT);
            assertEquals(List.of("text_model.embeddings.position_ids"), r.droppedKeys());
            assertEquals(36, r.tensorsLoaded());
        }
    }

    @Test
    void missingWrongShapedUnknownAndDoubleSpelledKeysAreNamed(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            AutoencoderKL source = seededVae(m);
            SafetensorsWriter w = new SafetensorsWriter();
            ParameterRegistry.parameters(source).forEach((k, p) -> {
                if (k.equals("decoder.conv_out.bias")) {
                    return;                                                  // missing
                }
                long[] shape = k.equals("quant_conv.bias") ? new long[] {4} : p.getShape().getShape();
                float[] v = k.equals("quant_conv.bias") ? new float[4] : p.getArray().toFloatArray();
                w.addFloats(k, shape, v);                                    // quant_conv.bias: wrong shape
            });
            w.addFloats("encoder.extra.weight", new long[] {2}, new float[2]);            // unknown
            w.addFloats(ENC_ATTN + "key.bias", new long[] {64}, new float[64]);           // second spelling of to_k
            Path file = dir.resolve("bad.safetensors");
            w.write(file);
            AutoencoderKL target = new AutoencoderKL(TINY.vae());
            ModelInitialization.zeros(target, m);
            WeightImportException e = assertThrows(WeightImportException.class,
                    () -> WeightImporter.importFile(target, Component.VAE, file, ImportMode.STRICT));
            assertEquals(List.of(
                    "wrong shape for quant_conv.bias: expected [8], file has [4] (key quant_conv.bias)",
                    "unknown key encoder.extra.weight [2] (no parameter encoder.extra.weight in the vae)",
                    "keys encoder.mid_block.attentions.0.to_k.bias and encoder.mid_block.attentions.0.key.bias both"
                            + " supply encoder.mid_block.attentions.0.to_k.bias; a file may use only one spelling",
                    "missing key decoder.conv_out.bias (expected [3])"), e.problems());   // file order, then missing keys
            assertEquals(file, e.file());
        }
    }

    @Test
    void lenientModeSkipsUnknownKeysOnly(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            AutoencoderKL source = seededVae(m);
            SafetensorsWriter w = new SafetensorsWriter();
            ParameterRegistry.parameters(source).forEach((k, p) -> w.addFloats(k, p.getShape().getShape(),
                    p.getArray().toFloatArray()));
            w.addFloats("encoder.extra.weight", new long[] {2}, new float[2]);
            Path file = dir.resolve("extra.safetensors");
            w.write(file);
            AutoencoderKL strict = new AutoencoderKL(TINY.vae());
            ModelInitialization.zeros(strict, m);
            WeightImportException e = assertThrows(WeightImportException.class,
                    () -> WeightImporter.importFile(strict, Component.VAE, file, ImportMode.STRICT));
            assertEquals(List.of("unknown key encoder.extra.weight [2] (no parameter encoder.extra.weight in the vae)"),
                    e.problems());
            AutoencoderKL lenient = new AutoencoderKL(TINY.vae());
            ModelInitialization.zeros(lenient, m);
            ImportReport r = WeightImporter.importFile(lenient, Component.VAE, file, ImportMode.LENIENT);
            assertEquals(List.of("encoder.extra.weight"), r.unknownKeys());
            assertEquals(184, r.tensorsLoaded());
        }
    }

    @Test
    void legacyNamesMapOnlyInsideTheMidBlockAttention() {
        assertEquals("decoder.mid_block.attentions.0.to_out.0.weight",
                Component.VAE.registryName("decoder.mid_block.attentions.0.proj_attn.weight").orElseThrow());
        assertEquals("decoder.mid_block.attentions.0.group_norm.bias",
                Component.VAE.registryName("decoder.mid_block.attentions.0.group_norm.bias").orElseThrow());
        assertEquals("encoder.down_blocks.0.resnets.0.norm1.weight",
                Component.VAE.registryName("module.encoder.down_blocks.0.resnets.0.norm1.weight").orElseThrow());
        assertEquals("mid_block.attentions.0.key.weight",
                Component.UNET.registryName("mid_block.attentions.0.key.weight").orElseThrow());
    }

    private static AutoencoderKL seededVae(NDManager m) {
        AutoencoderKL vae = new AutoencoderKL(TINY.vae());
        ModelInitialization.seeded(vae, m, 8);
        return vae;
    }
}
