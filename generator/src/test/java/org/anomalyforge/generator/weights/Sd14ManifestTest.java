package org.anomalyforge.generator.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.ParamSpec;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.text.ClipTextModel;
import org.anomalyforge.generator.unet.UNet2DConditionModel;
import org.anomalyforge.generator.vae.AutoencoderKL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sd14 networks, enumerated from the block tree without allocating any parameter, against the independently
 * produced {@code sd14-manifest.tsv} (diffusers 0.2.2 / transformers state dicts): every name, shape and count.
 */
class Sd14ManifestTest {

    private static final SeasModelConfig SD14 = SeasModelConfig.sd14();
    private static Map<String, Map<String, long[]>> manifest;

    @BeforeAll
    static void readManifest() throws IOException {
        manifest = new LinkedHashMap<>();
        try (InputStream in = Sd14ManifestTest.class.getResourceAsStream("/sd14-manifest.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    assertEquals("component\tname\tshape\tdtype", line);
                    header = false;
                    continue;
                }
                String[] f = line.split("\t");
                long[] shape = Arrays.stream(f[2].split(",")).mapToLong(Long::parseLong).toArray();
                manifest.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], shape);
            }
        }
    }

    @Test
    void unetMatchesManifestNameForNameAndShapeForShape() {
        UNet2DConditionModel unet = new UNet2DConditionModel(SD14.unet());
        assertMatches("unet", Component.UNET, unet, 686, 859_520_964L);
    }

    @Test
    void vaeMatchesManifestWithLegacyAttentionNamesRenamed() {
        AutoencoderKL vae = new AutoencoderKL(SD14.vae());
        assertMatches("vae", Component.VAE, vae, 248, 83_653_863L);
        assertEquals(34_163_664L, ParameterRegistry.count(vae.encoder()) + ParameterRegistry.count(vae.quantConv()));
        assertEquals(49_490_199L, ParameterRegistry.count(vae.decoder()) + ParameterRegistry.count(vae.postQuantConv()));
    }

    @Test
    void textEncoderMatchesManifest() {
        ClipTextModel text = new ClipTextModel(SD14.textEncoder());
        assertMatches("text_encoder", Component.TEXT_ENCODER, text, 196, 123_060_480L);
        Map<String, ai.djl.nn.Parameter> p = ParameterRegistry.parameters(text);
        assertEquals(37_945_344L, p.get("text_model.embeddings.token_embedding.weight").getShape().size());
        assertEquals(59_136L, p.get("text_model.embeddings.position_embedding.weight").getShape().size());
        long layer0 = p.entrySet().stream().filter(e -> e.getKey().startsWith("text_model.encoder.layers.0."))
                .mapToLong(e -> e.getValue().getShape().size()).sum();
        assertEquals(7_087_872L, layer0);
        ClipTextModel extended = new ClipTextModel(SD14.textEncoder().withVocabSize(49_408 + 1 + 4 * 3));
        assertEquals(new Shape(49_421, 768), ParameterRegistry.parameters(extended)
                .get("text_model.embeddings.token_embedding.weight").getShape());
    }

    @Test
    void unetTopLevelModulesMatchTheSpecTable() {
        Map<String, Long> perModule = new LinkedHashMap<>();
        for (ParamSpec s : ParameterRegistry.specs(new UNet2DConditionModel(SD14.unet()))) {
            String[] parts = s.name().split("\\.");
            String module = parts[0].endsWith("_blocks") ? parts[0] + "." + parts[1] : parts[0];
            perModule.merge(module, s.size(), Long::sum);
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("conv_in", 11_840L);
        expected.put("time_embedding", 2_050_560L);
        expected.put("down_blocks.0", 10_524_480L);
        expected.put("down_blocks.1", 36_818_560L);
        expected.put("down_blocks.2", 139_992_320L);
        expected.put("down_blocks.3", 62_277_120L);
        expected.put("up_blocks.0", 162_241_280L);
        expected.put("up_blocks.1", 258_330_880L);
        expected.put("up_blocks.2", 71_413_120L);
        expected.put("up_blocks.3", 18_810_560L);
        expected.put("mid_block", 97_038_080L);
        expected.put("conv_norm_out", 640L);
        expected.put("conv_out", 11_524L);
        assertEquals(expected, perModule);
    }

    @Test
    void anchorShapesOfSpecSections34And35() {
        Map<String, ai.djl.nn.Parameter> u = ParameterRegistry.parameters(new UNet2DConditionModel(SD14.unet()));
        assertEquals(new Shape(320, 4, 3, 3), u.get("conv_in.weight").getShape());
        assertEquals(new Shape(1280, 320), u.get("time_embedding.linear_1.weight").getShape());
        assertEquals(new Shape(320, 768),
                u.get("down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k.weight").getShape());
        assertEquals(new Shape(1280, 1280, 1, 1), u.get("down_blocks.2.attentions.0.proj_in.weight").getShape());
        assertEquals(new Shape(10240, 1280),
                u.get("mid_block.attentions.0.transformer_blocks.0.ff.net.0.proj.weight").getShape());
        assertEquals(new Shape(1280, 2560, 3, 3), u.get("up_blocks.1.resnets.0.conv1.weight").getShape());
        assertEquals(new Shape(640, 640, 3, 3), u.get("up_blocks.2.upsamplers.0.conv.weight").getShape());
        assertEquals(new Shape(4, 320, 3, 3), u.get("conv_out.weight").getShape());
        Map<String, ai.djl.nn.Parameter> v = ParameterRegistry.parameters(new AutoencoderKL(SD14.vae()));
        assertEquals(new Shape(128, 3, 3, 3), v.get("encoder.conv_in.weight").getShape());
        assertEquals(new Shape(8, 512, 3, 3), v.get("encoder.conv_out.weight").getShape());
        assertEquals(new Shape(8, 8, 1, 1), v.get("quant_conv.weight").getShape());
        assertEquals(new Shape(4, 4, 1, 1), v.get("post_quant_conv.weight").getShape());
        assertEquals(new Shape(512, 4, 3, 3), v.get("decoder.conv_in.weight").getShape());
        assertEquals(new Shape(512, 512), v.get("decoder.mid_block.attentions.0.to_q.weight").getShape());
        assertEquals(new Shape(128, 256, 1, 1), v.get("decoder.up_blocks.3.resnets.0.conv_shortcut.weight").getShape());
        assertEquals(new Shape(3, 128, 3, 3), v.get("decoder.conv_out.weight").getShape());
    }

    @Test
    void enumerationAllocatesNothing() {
        UNet2DConditionModel unet = new UNet2DConditionModel(SD14.unet());
        ParameterRegistry.parameters(unet).forEach((k, p) -> assertTrue(!p.isInitialized(), k));
    }

    /** Registry (order included, after the file→registry name mapping) equals the manifest rows. */
    private static void assertMatches(String component, Component mapping, ModuleBlock model, int tensors,
            long total) {
        List<String> expectedNames = new ArrayList<>();
        Map<String, String> shapes = new LinkedHashMap<>();
        manifest.get(component).forEach((fileKey, shape) -> {
            String name = mapping.registryName(fileKey).orElseThrow();
            expectedNames.add(name);
            shapes.put(name, Arrays.toString(shape));
        });
        List<ParamSpec> specs = ParameterRegistry.specs(model);
        List<String> actualNames = specs.stream().map(ParamSpec::name).toList();
        List<String> missing = new ArrayList<>(expectedNames);
        missing.removeAll(actualNames);
        List<String> extra = new ArrayList<>(actualNames);
        extra.removeAll(expectedNames);
        assertEquals(List.of(), missing, component + ": names in the manifest but not in the registry");
        assertEquals(List.of(), extra, component + ": names in the registry but not in the manifest");
        for (ParamSpec s : specs) {
            assertEquals(shapes.get(s.name()), Arrays.toString(s.dims()), component + " " + s.name());
        }
        assertEquals(expectedNames, actualNames, component + ": registry order = state_dict order");
        assertEquals(tensors, specs.size());
        assertEquals(total, ParameterRegistry.count(model));
    }
}
