package org.anomalyforge.segmenter.lfd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.anomalyforge.ingest.safetensors.SafetensorsFile;
import org.anomalyforge.ingest.safetensors.SafetensorsFormatException;
import org.anomalyforge.ingest.safetensors.TensorInfo;

/**
 * Optional ImageNet initialisation of both LFD branches (spec §3.3) from a user-supplied safetensors
 * conversion of torchvision's ResNet-18 ({@code resnet18-f37072fd.pth}), with torchvision key names.
 * AnomalyForge never downloads it.
 *
 * <p>{@code conv1}/{@code bn1} go to both stems ({@code *.model.prefix.0/1}), {@code layer1.*} to both
 * branches, {@code layer2.*} to the semantic branch only; running statistics are copied too (50 tensors
 * to the semantic branch, 25 to the detail branch). {@code layer3.*}, {@code layer4.*}, {@code fc.*} and
 * every {@code num_batches_tracked} are ignored; any other key fails. Everything else keeps its §2.7
 * initialisation. All checks run before the first parameter is written.
 */
public final class ResNet18StemImporter {

    private static final List<String> BRANCH_PREFIXES = List.of("semantic.model.", "detail.model.");
    private static final Set<String> IGNORED_FAMILIES = Set.of("layer3", "layer4", "fc");

    private ResNet18StemImporter() {
    }

    /**
     * What the import did, for the run record ({@code init = imagenet}).
     *
     * @param tensorsWritten LFD tensors written (75)
     * @param sha256         lowercase hex SHA-256 of the file
     */
    public record StemImport(int tensorsWritten, String sha256) {}

    /**
     * The torchvision key of an LFD branch key, or null if the key is outside both ResNet truncations
     * (e.g. {@code detail.channel_adjust.*}, the aggregation modules, fusion and head).
     */
    static String torchvisionKey(String lfdKey) {
        for (String prefix : BRANCH_PREFIXES) {
            if (lfdKey.startsWith(prefix)) {
                String rest = lfdKey.substring(prefix.length());
                if (rest.startsWith("prefix.0.")) {
                    return "conv1." + rest.substring("prefix.0.".length());
                }
                if (rest.startsWith("prefix.1.")) {
                    return "bn1." + rest.substring("prefix.1.".length());
                }
                return rest;
            }
        }
        return null;
    }

    /**
     * Copies the torchvision tensors into both branches of an initialised network.
     *
     * @param weights registry of an initialised network
     * @param file    safetensors file with torchvision ResNet-18 keys
     * @return tensors written and the file's SHA-256
     * @throws SafetensorsFormatException for a malformed file, a missing or unexpected key, or a wrong shape
     * @throws IOException                if the file cannot be read
     */
    public static StemImport importStems(LfdWeights weights, Path file) throws IOException {
        Objects.requireNonNull(weights, "weights");
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Map<String, TensorInfo> byKey = new LinkedHashMap<>();
            for (TensorInfo t : st.tensors()) {
                byKey.put(TensorCopy.stripWrapper(t.name()), t);
            }
            Map<WeightEntry, TensorInfo> plan = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (WeightEntry e : weights.parameters().values()) {
                String tv = torchvisionKey(e.key());
                if (tv == null) {
                    continue;
                }
                TensorInfo t = byKey.get(tv);
                if (t == null) {
                    missing.add(tv);
                    continue;
                }
                TensorCopy.check(st, t, e.key(), e.parameter());
                plan.put(e, t);
                used.add(tv);
            }
            if (!missing.isEmpty()) {
                throw new SafetensorsFormatException(file, missing.size()
                        + " torchvision ResNet-18 key(s) missing: " + new ArrayList<>(new LinkedHashSet<>(missing)));
            }
            List<String> unexpected = new ArrayList<>();
            for (String key : byKey.keySet()) {
                if (!used.contains(key) && !isIgnored(key)) {
                    unexpected.add(byKey.get(key).name());
                }
            }
            if (!unexpected.isEmpty()) {
                throw new SafetensorsFormatException(file, unexpected.size()
                        + " key(s) that are not torchvision ResNet-18: " + unexpected);
            }
            for (Map.Entry<WeightEntry, TensorInfo> p : plan.entrySet()) {
                TensorCopy.copy(st, p.getValue(), p.getKey().key(), p.getKey().parameter());
            }
            return new StemImport(plan.size(), sha256(file));
        }
    }

    private static boolean isIgnored(String key) {
        int dot = key.indexOf('.');
        String family = dot < 0 ? key : key.substring(0, dot);
        return IGNORED_FAMILIES.contains(family) || key.endsWith("." + LfdWeights.BATCH_COUNTER_SUFFIX);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
