package org.anomalyforge.generator.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.anomalyforge.generator.config.TextActivation;
import org.anomalyforge.generator.config.TextEncoderConfig;
import org.anomalyforge.generator.nn.Activations;
import org.anomalyforge.generator.nn.ClipEncoderLayer;
import org.anomalyforge.generator.nn.Embedding;
import org.anomalyforge.generator.nn.LastAxisLayerNorm;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.nn.ModuleBlock;
import org.anomalyforge.generator.nn.TorchInit;

/**
 * transformers' {@code CLIPTextModel} built from a {@link TextEncoderConfig} (seas.md §3.6):
 * <pre>
 * h = token_embedding(ids) + position_embedding(0..N−1)
 * h = encoder.layers.i(h, causal mask) for each layer       pre-LN, quick-GELU MLP; no padding mask
 * c = final_layer_norm(h)                                    [B, N, width]
 * </pre>
 * Keys {@code text_model.embeddings.token_embedding.weight}, {@code text_model.encoder.layers.{i}.self_attn.*},
 * {@code text_model.final_layer_norm.*}. The pooled output is not computed (unused by SeaS).
 */
public final class ClipTextModel extends ModuleBlock {

    /** Standard deviation of random new token rows (the token-table init, seas.md §3.3/§4.4). */
    public static final double NEW_ROW_STD = 0.02;

    private final TextEncoderConfig baseConfig;
    private final Embedding tokenEmbedding;
    private final Embedding positionEmbedding;
    private final List<ClipEncoderLayer> layers = new ArrayList<>();
    private final LastAxisLayerNorm finalLayerNorm;

    /** Builds the (uninitialised) network; see {@link ModelInitialization}. */
    public ClipTextModel(TextEncoderConfig config) {
        this.baseConfig = config;
        this.tokenEmbedding = child("text_model.embeddings.token_embedding",
                new Embedding(config.vocabSize(), config.width(), 0.02));
        this.positionEmbedding = child("text_model.embeddings.position_embedding",
                new Embedding(config.maxPositions(), config.width(), 0.01));
        UnaryOperator<NDArray> act = config.activation() == TextActivation.QUICK_GELU
                ? Activations::quickGelu : Activations::gelu;
        for (int i = 0; i < config.layers(); i++) {
            layers.add(child("text_model.encoder.layers." + i, new ClipEncoderLayer(config.width(), config.heads(),
                    config.mlpWidth(), (float) config.layerNormEps(), act)));
        }
        this.finalLayerNorm = child("text_model.final_layer_norm",
                new LastAxisLayerNorm(config.width(), (float) config.layerNormEps()));
    }

    /** The current configuration (vocabSize = current token-table rows, including appended ones). */
    public TextEncoderConfig config() {
        return baseConfig.withVocabSize(tokenEmbedding.rows());
    }

    /**
     * ids [B, N] (N ≤ maxPositions; int32 or int64, values in [0, vocabSize)) → c [B, N, width].
     */
    public NDArray forward(ParameterStore ps, NDArray ids, boolean training) {
        requireRank(ids, 2, "ids");
        long n = ids.getShape().get(1);
        if (n > baseConfig.maxPositions()) {
            throw new IllegalArgumentException("ClipTextModel: sequence length must be <= " + baseConfig.maxPositions()
                    + ", got " + n);
        }
        NDManager m = ids.getManager();
        NDArray positions = m.arange(0, (int) n, 1, DataType.INT64);
        NDArray h = tokenEmbedding.forward(ps, ids, training).add(positionEmbedding.forward(ps, positions, training));
        NDArray mask = causalMask(m, (int) n);
        for (ClipEncoderLayer layer : layers) {
            h = layer.forward(ps, h, mask, training);
        }
        return finalLayerNorm.forward(ps, h, training);
    }

    /** Additive [n, n] mask: −1e9 above the diagonal (never −∞·0, which would give NaN; cookbook §3). */
    static NDArray causalMask(NDManager m, int n) {
        float[] v = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                v[i * n + j] = -1e9f;
            }
        }
        return m.create(v, new Shape(n, n));
    }

    /**
     * Appends token-embedding rows after the existing ones (seas.md §4.4), which keep their values. Copied rows
     * take the current values of their source row; random rows are N(0, 0.02²), each drawn from its own stream
     * seeded by (seed, new row id). The table parameter is replaced (build trainers afterwards).
     *
     * @return the ids of the new rows, in order
     */
    public int[] appendTokenRows(List<NewTokenRow> rows, long seed) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("appendTokenRows needs at least one row, got none");
        }
        int oldRows = tokenEmbedding.rows();
        int width = tokenEmbedding.dim();
        NDArray table = tokenEmbedding.weight().getArray();
        float[] values = new float[rows.size() * width];
        int[] ids = new int[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            NewTokenRow row = rows.get(k);
            int id = oldRows + k;
            ids[k] = id;
            float[] v;
            if (row.isRandom()) {
                v = TorchInit.normal(NEW_ROW_STD).withSeed(ModelInitialization.parameterSeed(seed,
                        "text_model.embeddings.token_embedding.row." + id)).values(width);
            } else {
                if (row.sourceToken() >= oldRows) {
                    throw new IllegalArgumentException("new row " + k + " copies token " + row.sourceToken()
                            + ", which is not an existing row (table has " + oldRows + ")");
                }
                try (NDArray src = table.get(new NDIndex("{}", row.sourceToken()))) {
                    v = src.toFloatArray();
                }
            }
            System.arraycopy(v, 0, values, k * width, width);
        }
        try (NDManager scratch = table.getManager().newSubManager()) {
            tokenEmbedding.appendRows(scratch.create(values, new Shape(rows.size(), width)));
        }
        return ids;
    }

    /** Inputs: ids → c. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(forward(ps, in.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), baseConfig.width())};
    }
}
