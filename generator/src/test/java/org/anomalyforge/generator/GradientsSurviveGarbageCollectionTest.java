package org.anomalyforge.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.anomalyforge.generator.checkpoint.SeasModels;
import org.anomalyforge.generator.losses.AutoencoderLoss;
import org.anomalyforge.generator.nn.ParameterRegistry;
import org.anomalyforge.generator.nn.TorchInit;
import org.anomalyforge.generator.training.ProfileSettings;
import org.anomalyforge.generator.unet.UNetTapRequest;
import org.anomalyforge.generator.vae.LatentDistribution;
import org.anomalyforge.ingest.tensor.FreedBufferChurn;
import org.anomalyforge.ingest.tensor.GradientSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The training graphs of the VAE (stage 0) and of the text encoder + U-Net (stage 1) must not read memory that the
 * garbage collector can free: the gradients are bit-identical whether or not {@link FreedBufferChurn} runs between
 * the forward and the backward pass. Before the fix, DJL's {@code swish} (SiLU) and every {@code mul(Number)} in a
 * forward pass made these gradients NaN after the churn, and made identical training runs diverge (DESIGN §7.8).
 */
class GradientsSurviveGarbageCollectionTest {

    private static final int SIDE = 32;

    @BeforeAll
    static void threads() {
        SeasTestThreads.single();
    }

    @Test
    void autoencoderGradients() {
        compare((models, m) -> {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.create(TorchInit.fanInUniform(1).withSeed(1).values(2 * 3 * SIDE * SIDE),
                    new Shape(2, 3, SIDE, SIDE));
            NDArray xi = m.create(TorchInit.normal(1).withSeed(2).values(2 * 4 * 4 * 4), new Shape(2, 4, 4, 4));
            LatentDistribution posterior = models.vae().encode(ps, x, true);
            NDArray reconstructed = models.vae().decode(ps, models.vae().scaledSample(posterior, xi), true).image();
            return AutoencoderLoss.of(reconstructed, x, posterior.mean(), posterior.logvar()).total();
        }, SeasModels::vae);
    }

    @Test
    void textEncoderAndUNetGradients() {
        compare((models, m) -> {
            ParameterStore ps = new ParameterStore(m, false);
            int[] ids = models.tokenizer().encode(models.prompts().prompt(0).text());
            NDArray context = models.text().forward(ps, m.create(ids, new Shape(1, ids.length)), true);
            NDArray z = m.create(TorchInit.normal(1).withSeed(3).values(4 * 4 * 4), new Shape(1, 4, 4, 4));
            NDArray eps = models.unet().forward(ps, z, m.create(new int[] {500}), context, UNetTapRequest.none(), true)
                    .noisePrediction();
            return eps.square().mean();
        }, models -> List.of(models.text(), models.unet()));
    }

    /** Gradients of {@code loss} over the parameters of {@code blocks}, without and with the churn. */
    private static void compare(java.util.function.BiFunction<SeasModels, NDManager, NDArray> loss,
                                Function<SeasModels, Object> blocks) {
        try (NDManager root = NDManager.newBaseManager();
             SeasModels models = SeasModels.freshTiny(ProfileSettings.tinyAt(SIDE), List.of("blob"), 5, root)) {
            List<Parameter> params = parameters(blocks.apply(models));
            float[] clean = gradients(models, loss, params, false);
            float[] churned = gradients(models, loss, params, true);
            assertTrue(clean.length > 1000 && Float.isFinite(clean[0]), "gradients " + clean.length);
            assertArrayEquals(clean, churned, 0f, "gradients changed after garbage collection");
        }
    }

    private static float[] gradients(SeasModels models, java.util.function.BiFunction<SeasModels, NDManager, NDArray> loss,
                                     List<Parameter> params, boolean churn) {
        try (NDManager m = models.workspace().newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.apply(models, m);
                if (churn) {
                    FreedBufferChurn.run();
                }
                gc.backward(value);
            }
            return GradientSnapshot.takeAndZero(params);
        }
    }

    private static List<Parameter> parameters(Object blocks) {
        List<Parameter> out = new ArrayList<>();
        Collection<?> list = blocks instanceof Collection<?> c ? c : List.of(blocks);
        for (Object b : list) {
            out.addAll(ParameterRegistry.parameters((org.anomalyforge.generator.nn.ModuleBlock) b).values());
        }
        return out;
    }
}
