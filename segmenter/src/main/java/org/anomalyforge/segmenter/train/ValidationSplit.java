package org.anomalyforge.segmenter.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.anomalyforge.ingest.store.Sha256;
import org.anomalyforge.segmenter.SampleOrigin;
import org.anomalyforge.segmenter.TrainingSample;

/**
 * The seeded §5.7 split of a product's training samples into training and validation.
 *
 * <ul>
 *   <li>With GENERATED samples: per defect type, 10 % of its generated pairs (at least 1) go to validation;
 *       real shots all stay in training.</li>
 *   <li>Without GENERATED samples (fallback, ours): per defect type with ≥ 2 real shots, 10 % of them (at
 *       least 1) go to validation.</li>
 *   <li>Normals: 10 % (at least 1) go to validation.</li>
 * </ul>
 * A group of a single sample stays in training (taking it would leave that group unlearned), so "at least
 * 1" applies to groups of ≥ 2. Counts are ⌊n/10⌋, raised to 1. Groups are visited in sorted order, each
 * group's members sorted by id and shuffled with one {@code java.util.Random(seed)} stream (specified by
 * the JDK, so the split is reproducible everywhere). Both outputs are sorted by id.
 *
 * @param training    samples to train on, sorted by id
 * @param validation  held-out samples, sorted by id
 * @param fingerprint SHA-256 over the sorted validation ids (recorded in the manifest)
 * @param fallback    true iff the real-shot fallback was used
 */
public record ValidationSplit(List<TrainingSample> training, List<TrainingSample> validation, String fingerprint,
                              boolean fallback) {

    private static final String NORMAL_GROUP = "\u0000normal";

    /** Copies the lists. */
    public ValidationSplit {
        training = List.copyOf(training);
        validation = List.copyOf(validation);
    }

    /**
     * Splits {@code samples}.
     *
     * @throws IllegalArgumentException if validation would contain no defect sample (no GENERATED sample
     *     and no defect type with ≥ 2 real shots), since τ_image and the selection need one
     */
    public static ValidationSplit of(List<TrainingSample> samples, long seed) {
        boolean generated = samples.stream().anyMatch(s -> s.origin() == SampleOrigin.GENERATED);
        SampleOrigin defectOrigin = generated ? SampleOrigin.GENERATED : SampleOrigin.REAL_SHOT;
        Map<String, List<TrainingSample>> groups = new TreeMap<>();
        for (TrainingSample s : samples) {
            if (s.origin() == defectOrigin) {
                groups.computeIfAbsent(s.defectType(), k -> new ArrayList<>()).add(s);
            } else if (s.origin() == SampleOrigin.NORMAL) {
                groups.computeIfAbsent(NORMAL_GROUP, k -> new ArrayList<>()).add(s);
            }
        }
        Random random = new Random(seed);
        Set<String> held = new HashSet<>();
        boolean defectHeld = false;
        for (Map.Entry<String, List<TrainingSample>> g : groups.entrySet()) {
            List<TrainingSample> members = new ArrayList<>(g.getValue());
            members.sort(Comparator.comparing(TrainingSample::id));
            int count = holdOutCount(members.size());
            Collections.shuffle(members, random);
            for (int i = 0; i < count; i++) {
                held.add(members.get(i).id());
            }
            defectHeld |= count > 0 && !g.getKey().equals(NORMAL_GROUP);
        }
        if (!defectHeld) {
            throw new IllegalArgumentException("validation needs at least one defect sample: provide GENERATED "
                    + "samples or ≥ 2 REAL_SHOT samples of some defect type (got " + samples.size() + " samples, "
                    + "none eligible)");
        }
        List<TrainingSample> train = new ArrayList<>();
        List<TrainingSample> val = new ArrayList<>();
        for (TrainingSample s : samples) {
            (held.contains(s.id()) ? val : train).add(s);
        }
        train.sort(Comparator.comparing(TrainingSample::id));
        val.sort(Comparator.comparing(TrainingSample::id));
        return new ValidationSplit(train, val, fingerprintOf(val), !generated);
    }

    /** ⌊n/10⌋ raised to 1 for groups of ≥ 2, 0 for a single sample. */
    static int holdOutCount(int n) {
        return n < 2 ? 0 : Math.max(1, n / 10);
    }

    private static String fingerprintOf(List<TrainingSample> validation) {
        MessageDigest md = Sha256.digest();
        for (TrainingSample s : validation) {
            md.update(s.id().getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }
}
