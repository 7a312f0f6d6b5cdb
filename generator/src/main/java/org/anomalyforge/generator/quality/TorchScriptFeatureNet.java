package org.anomalyforge.generator.quality;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.anomalyforge.generator.training.GradMode;
import org.anomalyforge.ingest.image.RgbImage;

/**
 * A user-supplied image network (seas.md §11.2), e.g. Inception-v3 exported with TorchScript: {@code forward(x)} takes
 * one image [1, 3, 256, 256] in [−1, 1] and returns a vector [1, K] (class logits for IS). Loaded from the local file;
 * its SHA-256 is part of {@link #name()}. Calls are synchronised (one predictor).
 */
public final class TorchScriptFeatureNet implements FeatureNet, AutoCloseable {

    private final String name;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;

    private TorchScriptFeatureNet(String name, Model model) {
        this.name = name;
        this.model = model;
        this.predictor = model.newPredictor(new NoopTranslator());
    }

    /** @throws IOException naming the file when it is missing or not a loadable TorchScript module */
    public static TorchScriptFeatureNet load(String label, Path file) throws IOException {
        return new TorchScriptFeatureNet(TorchScriptDistance.recordedName(label, file),
                TorchScriptDistance.loadModel(label, file));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized float[] features(RgbImage image) {
        GradMode.off();
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray out = predictor.predict(new NDList(TorchScriptDistance.tensor(m, image))).get(0);
            if (out.getShape().dimension() != 2 || out.getShape().get(0) != 1) {
                throw new IllegalStateException(name + " must return [1, K] per image, got " + out.getShape());
            }
            return out.toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException(name + " failed on an image: " + e.getMessage(), e);
        }
    }

    /**
     * Inception Score of {@code images} with this network's outputs as class logits: exp(mean_x KL(p(y|x) ‖ p(y))),
     * p(y|x) = softmax(logits), p(y) = mean_x p(y|x) (Salimans et al. 2016; one split).
     */
    public double inceptionScore(List<RgbImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("the Inception Score needs at least one image, got none");
        }
        double[][] p = new double[images.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = softmax(features(images.get(i)));
        }
        return InceptionScore.of(p);
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }
}
