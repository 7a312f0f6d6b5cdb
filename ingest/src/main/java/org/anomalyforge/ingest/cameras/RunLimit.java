package org.anomalyforge.ingest.cameras;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a simulator run ends: after a number of frames per camera, or after a duration (frames due before
 * the end are sent; at {@code fps} that is {@code seconds × fps} frames per camera).
 */
public record RunLimit(OptionalLong framesPerCamera, Optional<Duration> duration) {

    public RunLimit {
        if (framesPerCamera.isPresent() == duration.isPresent()) {
            throw new IllegalArgumentException("exactly one of framesPerCamera and duration must be given, got "
                    + framesPerCamera + " and " + duration);
        }
        if (framesPerCamera.isPresent() && framesPerCamera.getAsLong() < 1) {
            throw new IllegalArgumentException("framesPerCamera must be >= 1, got " + framesPerCamera.getAsLong());
        }
        if (duration.isPresent() && (duration.get().isNegative() || duration.get().isZero())) {
            throw new IllegalArgumentException("duration must be positive, got " + duration.get());
        }
    }

    public static RunLimit frames(long perCamera) {
        return new RunLimit(OptionalLong.of(perCamera), Optional.empty());
    }

    public static RunLimit duration(Duration duration) {
        return new RunLimit(OptionalLong.empty(), Optional.of(duration));
    }
}
