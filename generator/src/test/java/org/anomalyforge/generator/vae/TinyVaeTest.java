package org.anomalyforge.generator.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.nn.TorchInit;
import org.junit.jupiter.api.Test;

class TinyVaeTest {

    @Test
    void countsMatchSpec() {
        AutoencoderKL vae = new AutoencoderKL(SeasModelConfig.tiny().vae());
        assertEquals(978_103L, ParameterRegistry.count(vae));
        assertEquals(369_824L, ParameterRegistry.count(vae.encoder()) + ParameterRegistry.count(vae.quantConv()));
        assertEquals(608_279L, ParameterRegistry.count(vae.decoder()) + ParameterRegistry.count(vae.postQuantConv()));
        assertEquals(184, ParameterRegistry.specs(vae).size());
    }

    @Test
    void encodeAndDecodeGiveSpecShapesAndTaps() {
        SeasModelConfig tiny = SeasModelConfig.tiny();
        try (NDManager m = NDManager.newBaseManager()) {
            AutoencoderKL vae = new AutoencoderKL(tiny.vae());
            ModelInitialization.seeded(vae, m, 7);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray image = m.create(TorchInit.fanInUniform(1).withSeed(1).values(2 * 3 * 128 * 128),
                    new Shape(2, 3, 128, 128));
            LatentDistribution d = vae.encode(ps, image, false);
            assertEquals(new Shape(2, 4, 16, 16), d.mean().getShape());
            assertTrue(d.logvar().max().getFloat() <= 20f && d.logvar().min().getFloat() >= -30f);
            NDArray noise = m.create(TorchInit.normal(1).withSeed(2).values(2 * 4 * 16 * 16), new Shape(2, 4, 16, 16));
            NDArray z = vae.scaledSample(d, noise);
            DecoderOutput out = vae.decode(ps, z, false);
            assertEquals(new Shape(2, 3, 128, 128), out.image().getShape());
            List<Shape> taps = out.upBlockOutputs().subList(0, tiny.vaeTapCount()).stream().map(NDArray::getShape)
                    .toList();
            assertEquals(List.of(new Shape(2, 64, 32, 32), new Shape(2, 64, 64, 64), new Shape(2, 32, 128, 128)), taps);
        }
    }

    @Test
    void posteriorSampleIsMeanPlusScaledNoise() {
        try (NDManager m = NDManager.newBaseManager()) {
            // moments: μ = 1, logvar = ln 4 → σ = 2; ξ = 0.5 → z = 2
            NDArray moments = m.create(new float[] {1f, (float) Math.log(4)}, new Shape(1, 2, 1, 1));
            LatentDistribution d = LatentDistribution.fromMoments(moments);
            assertEquals(2f, d.sample(m.create(new float[] {0.5f}, new Shape(1, 1, 1, 1))).getFloat(), 1e-6f);
            NDArray extreme = m.create(new float[] {0f, 100f}, new Shape(1, 2, 1, 1));
            assertEquals(20f, LatentDistribution.fromMoments(extreme).logvar().getFloat(), 0f);
        }
    }
}
