package org.anomalyforge.generator.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anomalyforge.generator.config.RmpConfig;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.nn.ModelInitialization;
import org.anomalyforge.generator.prompts.AddedTokenRow;
import org.anomalyforge.generator.prompts.PromptSet;
import org.anomalyforge.generator.rmp.RefinedMaskPredictor;
import org.anomalyforge.generator.sampling.NoiseScheduleConfig;
import org.anomalyforge.generator.text.ClipTextModel;
import org.anomalyforge.generator.text.NewTokenRow;
import org.anomalyforge.generator.tokenizer.ClipBpeTokenizer;
import org.anomalyforge.generator.tokenizer.Tokenizer;
import org.anomalyforge.generator.tokenizer.WordLevelTokenizer;
import org.anomalyforge.generator.unet.UNet2DConditionModel;
import org.anomalyforge.generator.vae.AutoencoderKL;
import org.anomalyforge.generator.weights.DiffusersFolderImport;
import org.anomalyforge.generator.weights.ImportMode;

/**
 * The three networks of one product with their tokenizer, prompts and schedule. {@link #config()} is the current
 * configuration: the extended token table and the VAE scaling factor s (which stage 0 measures; callers that encode
 * or decode use {@link #scalingFactor()}, never the VAE object's construction-time value).
 *
 * <p>Owns {@link #manager()} (the parameters) and {@link #workspace()} (a sibling for everything temporary: training
 * steps, optimiser state, sampling loops). Work managers must never be descendants of the parameters' manager: with
 * AdamW state in a sub-manager of the parameters' manager, DJL 0.36 training hit NaN weights after ~60 steps
 * (reproducible per configuration, weights finite after the update and corrupted during the next forward), while
 * the same computation with sibling managers ran clean. {@link #withScalingFactor} returns a view that shares both
 * (close only one of them).
 * Not thread-safe: the U-Net installs capture processors per call.
 */
public final class SeasModels implements AutoCloseable {

    private final SeasModelConfig config;
    private final UNet2DConditionModel unet;
    private final AutoencoderKL vae;
    private final ClipTextModel text;
    private final Tokenizer tokenizer;
    private final PromptSet prompts;
    private final NoiseScheduleConfig schedule;
    private final NDManager manager;
    private final NDManager workspace;
    private final Path bpeDirectory;
    private final RefinedMaskPredictor rmp;

    SeasModels(SeasModelConfig config, UNet2DConditionModel unet, AutoencoderKL vae, ClipTextModel text,
            Tokenizer tokenizer, PromptSet prompts, NoiseScheduleConfig schedule, NDManager manager,
            Path bpeDirectory) {
        this(config, unet, vae, text, tokenizer, prompts, schedule, manager, manager.getParentManager().newSubManager(),
                bpeDirectory, null);
    }

    private SeasModels(SeasModelConfig config, UNet2DConditionModel unet, AutoencoderKL vae, ClipTextModel text,
            Tokenizer tokenizer, PromptSet prompts, NoiseScheduleConfig schedule, NDManager manager,
            NDManager workspace, Path bpeDirectory, RefinedMaskPredictor rmp) {
        this.config = config.withTextEncoder(text.config());
        this.unet = unet;
        this.vae = vae;
        this.text = text;
        this.tokenizer = tokenizer;
        this.prompts = prompts;
        this.schedule = schedule;
        this.manager = manager;
        this.workspace = workspace;
        this.bpeDirectory = bpeDirectory;
        this.rmp = rmp;
        prompts.requireTokensAdded(tokenizer);
    }

    /**
     * Fresh tiny networks (seas.md §4.4, §6): seeded PyTorch-default initialisation, the word-level tokenizer with
     * ob1 and sks1 … sks{4T}, and 1 + 4T random token rows N(0, 0.02²).
     */
    public static SeasModels freshTiny(SeasModelConfig config, List<String> defectTypes, long seed, NDManager parent) {
        NDManager manager = parent.newSubManager();
        PromptSet prompts = PromptSet.of(defectTypes);
        Tokenizer tokenizer = prompts.addTokensTo(WordLevelTokenizer.base(config.textEncoder().maxPositions()));
        UNet2DConditionModel unet = new UNet2DConditionModel(config.unet());
        AutoencoderKL vae = new AutoencoderKL(config.vae());
        ClipTextModel text = new ClipTextModel(config.textEncoder());
        ModelInitialization.seeded(unet, manager, seed);
        ModelInitialization.seeded(vae, manager, seed + 1);
        ModelInitialization.seeded(text, manager, seed + 2);
        appendRows(text, prompts, tokenizer, NewTokenRow.Mode.RANDOM, seed + 3);
        return new SeasModels(config, unet, vae, text, tokenizer, prompts, NoiseScheduleConfig.stableDiffusion(),
                manager, null);
    }

    /** SD-1.4 from a diffusers folder (strict import), CLIP tokenizer from its {@code tokenizer/}, rows per §4.4. */
    public static SeasModels importSd14(Path folder, List<String> defectTypes, NDManager parent) throws IOException {
        NDManager manager = parent.newSubManager();
        try {
            SeasModelConfig config = SeasModelConfig.sd14();
            DiffusersFolderImport.Result r = DiffusersFolderImport.importFolder(folder, config, manager,
                    ImportMode.STRICT);
            PromptSet prompts = PromptSet.of(defectTypes);
            Tokenizer tokenizer = prompts.addTokensTo(ClipBpeTokenizer.fromDirectory(folder.resolve("tokenizer")));
            appendRows(r.textEncoder(), prompts, tokenizer, NewTokenRow.Mode.COPY_SOURCE, 0);
            return new SeasModels(config, r.unet(), r.vae(), r.textEncoder(), tokenizer, prompts,
                    NoiseScheduleConfig.stableDiffusion(), manager, folder.resolve("tokenizer"));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static void appendRows(ClipTextModel text, PromptSet prompts, Tokenizer tokenizer, NewTokenRow.Mode mode,
            long seed) {
        List<AddedTokenRow> rows = prompts.addedTokenRows(tokenizer);
        int objectId = rows.get(0).initFromTokenId();
        int defectId = rows.get(rows.size() - 1).initFromTokenId();
        int[] ids = text.appendTokenRows(NewTokenRow.seasRows(mode, objectId, defectId, prompts.typeCount()), seed);
        for (int k = 0; k < rows.size(); k++) {
            if (ids[k] != rows.get(k).tokenId()) {
                throw new IllegalStateException("token row of '" + rows.get(k).token() + "' got id " + ids[k]
                        + " but the tokenizer maps it to " + rows.get(k).tokenId());
            }
        }
    }

    /** The same networks under a new VAE scaling factor s (shares the manager). */
    public SeasModels withScalingFactor(double s) {
        return new SeasModels(config.withVae(config.vae().withScalingFactor(s)), unet, vae, text, tokenizer, prompts,
                schedule, manager, workspace, bpeDirectory, rmp);
    }

    /** The same networks plus a refined-mask-prediction branch whose parameters live in {@link #manager()}. */
    public SeasModels withRmp(RefinedMaskPredictor branch) {
        return new SeasModels(config, unet, vae, text, tokenizer, prompts, schedule, manager, workspace, bpeDirectory,
                java.util.Objects.requireNonNull(branch, "branch"));
    }

    /** A fresh RMP for this profile (seeded PyTorch-default initialisation; BN γ = 1, β = 0, μ = 0, σ² = 1). */
    public SeasModels withFreshRmp(long seed) {
        RefinedMaskPredictor branch = new RefinedMaskPredictor(RmpConfig.of(config));
        ModelInitialization.seeded(branch, manager, seed);
        return withRmp(branch);
    }

    /**
     * The RMP's VAE taps V₀…V_{n−1} (seas.md §3.7): the first log₂ f decoder up-block outputs of decode(latent),
     * without graph. {@code latent} is already divided by s.
     */
    public List<NDArray> rmpVaeTaps(ParameterStore ps, NDArray latent) {
        return vae.decode(ps, latent, false).upBlockOutputs().subList(0, config.vaeTapCount());
    }

    /** The refined-mask-prediction branch, or {@code null} before stage 2. */
    public RefinedMaskPredictor rmp() {
        return rmp;
    }

    /** The folder holding the CLIP {@code vocab.json} and {@code merges.txt} (sd14), {@code null} for tiny. */
    public Path bpeDirectory() {
        return bpeDirectory;
    }

    public SeasModelConfig config() {
        return config;
    }

    /** s: z̃ = s·z. */
    public double scalingFactor() {
        return config.vae().scalingFactor();
    }

    public UNet2DConditionModel unet() {
        return unet;
    }

    public AutoencoderKL vae() {
        return vae;
    }

    public ClipTextModel text() {
        return text;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public PromptSet prompts() {
        return prompts;
    }

    public NoiseScheduleConfig schedule() {
        return schedule;
    }

    /** The parameters' manager. */
    public NDManager manager() {
        return manager;
    }

    /** A sibling of {@link #manager()} for temporary work (never a descendant of the parameters' manager). */
    public NDManager workspace() {
        return workspace;
    }

    /** ob1 and every sks token → id (for {@code config.json}). */
    public Map<String, Integer> tokenIds() {
        return tokenIds(prompts, tokenizer);
    }

    /** ob1 and every sks token of {@code prompts} → its id in {@code tokenizer}. */
    public static Map<String, Integer> tokenIds(PromptSet prompts, Tokenizer tokenizer) {
        Map<String, Integer> ids = new TreeMap<>();
        for (String token : prompts.newTokens()) {
            ids.put(token, tokenizer.tokenId(token));
        }
        return ids;
    }

    @Override
    public void close() {
        workspace.close();
        manager.close();
    }
}
