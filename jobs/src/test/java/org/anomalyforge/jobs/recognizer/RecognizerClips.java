package org.anomalyforge.jobs.recognizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalyforge.jobs.clips.ClipSetSynthesis;
import org.anomalyforge.trokens.clips.ClipEntry;
import org.anomalyforge.trokens.synthetic.ActionClass;
import org.anomalyforge.trokens.synthetic.SynthesisConfig;

/** Tiny synthetic clip sets for the recogniser tests: 64×48, 16 frames at 10 fps. */
final class RecognizerClips {

    static final List<String> LABELS = List.of("pass_right", "pass_left", "reject_down", "stall");

    private RecognizerClips() {}

    /** {@code perClass} clips of each of {@link #LABELS}, all in {@code split}. */
    static ClipSetSynthesis.Result write(Path out, String split, int perClass) throws IOException {
        Map<ActionClass, String> splits = new LinkedHashMap<>();
        LABELS.forEach(l -> splits.put(ActionClass.fromLabel(l), split));
        return ClipSetSynthesis.write(out, new SynthesisConfig(64, 48, 16, 10), splits, perClass, 5, done -> { });
    }

    /** Copies the first clip of every class into {@code <support>/<label>/<clip>.avi}. */
    static void supportFolder(ClipSetSynthesis.Result set, Path support) throws IOException {
        for (String label : LABELS) {
            ClipEntry first = set.manifest().entries().stream().filter(e -> e.label().equals(label)).findFirst()
                    .orElseThrow();
            Path target = support.resolve(label).resolve(first.clipId() + ".avi");
            Files.createDirectories(target.getParent());
            Files.copy(set.manifest().resolve(first), target);
        }
    }
}
