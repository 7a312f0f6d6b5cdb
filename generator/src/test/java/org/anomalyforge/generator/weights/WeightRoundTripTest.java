package org.anomalyforge.generator.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.nn.TorchInit;
import org.anomalyforge.generator.text.ClipTextModel;
import org.anomalyforge.generator.unet.UNet2DConditionModel;
import org.anomalyforge.generator.unet.UNetTapRequest;
import org.anomalyforge.generator.vae.AutoencoderKL;
import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tiny: seeded models → diffusers-named safetensors folder → fresh models → identical outputs. */
class WeightRoundTripTest {

    private static final SeasModelConfig TINY = SeasModelConfig.tiny();

    @Test
    void exportedFolderImportsIntoFreshModelsWithIdenticalOutputs(@TempDir Path dir) throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            UNet2DConditionModel unet = new UNet2DConditionModel(TINY.unet());
            AutoencoderKL vae = new AutoencoderKL(TINY.vae());
            ClipTextModel text = new ClipTextModel(TINY.textEncoder());
            ModelInitialization.seeded(unet, m, 1);
            ModelInitialization.seeded(vae, m, 2);
            ModelInitialization.seeded(text, m, 3);
            assertEquals(496, WeightExporter.export(unet, Component.UNET,
                    dir.resolve("unet/diffusion_pytorch_model.safetensors")));
            assertEquals(184, WeightExporter.export(vae, Component.VAE,
                    dir.resolve("vae/diffusion_pytorch_model.safetensors")));
            assertEquals(36, WeightExporter.export(text, Component.TEXT_ENCODER,
                    dir.resolve("text_encoder/model.safetensors")));
            try (SafetensorsFile f = SafetensorsFile.open(dir.resolve("unet/diffusion_pytorch_model.safetensors"))) {
                assertEquals(Map.of("format", "pt", "component", "unet"), f.metadata());
                assertArrayEquals(new long[] {32, 4, 3, 3}, f.get("conv_in.weight").shape());
            }

            DiffusersFolderImport.Result r = DiffusersFolderImport.importFolder(dir, TINY, m, ImportMode.STRICT);
            assertEquals(496, r.unetReport().tensorsLoaded());
            assertEquals(4_551_396L, r.unetReport().valuesLoaded());

            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.create(TorchInit.normal(1).withSeed(9).values(4 * 16 * 16), new Shape(1, 4, 16, 16));
            NDArray t = m.create(new int[] {321});
            long[] ids = new long[77];
            java.util.Arrays.fill(ids, 1);
            ids[0] = 0;
            ids[1] = 3;
            ids[2] = 5;
            NDArray tokens = m.create(ids, new Shape(1, 77));
            NDArray c = text.forward(ps, tokens, false);
            NDArray c2 = r.textEncoder().forward(ps, tokens, false);
            assertArrayEquals(c.toFloatArray(), c2.toFloatArray(), 0f);
            NDArray eps = unet.forward(ps, z, t, c, UNetTapRequest.none(), false).noisePrediction();
            NDArray eps2 = r.unet().forward(ps, z, t, c2, UNetTapRequest.none(), false).noisePrediction();
            assertArrayEquals(eps.toFloatArray(), eps2.toFloatArray(), 0f);
            NDArray image = vae.decode(ps, z, false).image();
            NDArray image2 = r.vae().decode(ps, z, false).image();
            assertArrayEquals(image.toFloatArray(), image2.toFloatArray(), 0f);
            ParameterRegistry.parameters(r.vae()).forEach((k, p) -> assertArrayEquals(
                    ParameterRegistry.parameters(vae).get(k).getArray().toFloatArray(), p.getArray().toFloatArray(), 0f,
                    k));
        }
    }
}
