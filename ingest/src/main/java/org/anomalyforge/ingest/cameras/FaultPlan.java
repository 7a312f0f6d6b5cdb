package org.anomalyforge.ingest.cameras;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.anomalyforge.ingest.frames.FrameCodec;

/**
 * Which faults the simulator injects and how often.
 *
 * @param kinds         faults to choose from, uniformly; empty means none
 * @param rate          probability that a frame gets a fault, 0..1
 * @param seed          seed of the random stream that decides which frames and which faults
 * @param oversizeBytes payload length of an {@link FaultKind#OVERSIZED} frame (at least the image length plus
 *                      one); pick it above the consumer's {@link FrameCodec#maxPayloadBytes()}
 */
public record FaultPlan(Set<FaultKind> kinds, double rate, long seed, int oversizeBytes) {

    public FaultPlan {
        Objects.requireNonNull(kinds, "kinds must not be null");
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be in 0..1, got " + rate);
        }
        if (!kinds.isEmpty() && rate == 0) {
            throw new IllegalArgumentException("fault rate must be > 0 when faults " + kinds + " are requested, got 0");
        }
        if (oversizeBytes < 1) {
            throw new IllegalArgumentException("oversizeBytes must be >= 1, got " + oversizeBytes);
        }
    }

    /** No faults. */
    public static FaultPlan none() {
        return new FaultPlan(Set.of(), 0, 0, FrameCodec.DEFAULT_MAX_PAYLOAD_BYTES + 1);
    }

    /** The kinds in declaration order, so a seed always picks the same fault. */
    public List<FaultKind> orderedKinds() {
        return kinds.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(kinds));
    }
}
