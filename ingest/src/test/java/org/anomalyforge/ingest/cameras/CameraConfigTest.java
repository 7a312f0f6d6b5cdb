package org.anomalyforge.ingest.cameras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CameraConfigTest {

    private static void assertInvalid(String message, Executable construct) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construct).getMessage());
    }

    @Test
    void faultKindsParseTheirCommandLineNames() {
        assertEquals(FaultKind.MISSING_HEADER, FaultKind.parse(" missing-header"));
        assertEquals(FaultKind.OUT_OF_ORDER, FaultKind.parse("out-of-order"));
        assertInvalid("fault must be one of corrupt, missing-header, oversized, out-of-order, got 'late'",
                () -> FaultKind.parse("late"));
    }

    @Test
    void faultPlanIsValidatedAndOrdered() {
        assertInvalid("fault rate must be in 0..1, got 1.5",
                () -> new FaultPlan(Set.of(FaultKind.CORRUPT), 1.5, 1, 10));
        assertInvalid("fault rate must be > 0 when faults [CORRUPT] are requested, got 0",
                () -> new FaultPlan(Set.of(FaultKind.CORRUPT), 0, 1, 10));
        assertInvalid("oversizeBytes must be >= 1, got 0", () -> new FaultPlan(Set.of(), 0, 1, 0));
        assertEquals(List.of(FaultKind.CORRUPT, FaultKind.OUT_OF_ORDER),
                new FaultPlan(Set.of(FaultKind.OUT_OF_ORDER, FaultKind.CORRUPT), 0.1, 1, 10).orderedKinds());
    }

    @Test
    void runLimitNeedsExactlyOneBound() {
        assertInvalid("framesPerCamera must be >= 1, got 0", () -> RunLimit.frames(0));
        assertInvalid("duration must be positive, got PT0S", () -> RunLimit.duration(Duration.ZERO));
        assertInvalid("exactly one of framesPerCamera and duration must be given, got OptionalLong.empty and "
                + "Optional.empty", () -> new RunLimit(java.util.OptionalLong.empty(), java.util.Optional.empty()));
    }

    @Test
    void simulatorConfigIsValidated() {
        assertInvalid("cameras must be in 1..1000, got 0", () -> new CameraSimulatorConfig("h:1", "frames", 0, 10,
                "p", RunLimit.frames(1), FaultPlan.none(), Map.of()));
        assertInvalid("fps must be in (0, 1000], got 0.0", () -> new CameraSimulatorConfig("h:1", "frames", 1, 0,
                "p", RunLimit.frames(1), FaultPlan.none(), Map.of()));
        assertInvalid("topic must not be blank, got ''", () -> new CameraSimulatorConfig("h:1", "", 1, 1,
                "p", RunLimit.frames(1), FaultPlan.none(), Map.of()));
        CameraSimulatorConfig config = new CameraSimulatorConfig("h:1", "frames", 2, 10, "p", RunLimit.frames(1),
                FaultPlan.none(), Map.of("linger.ms", "50"));
        assertEquals("cam-2", config.cameraId(1));
        var props = new CameraSimulator(config, FrameLibrary.of(org.anomalyforge.ingest.frames.FrameEncoding.JPEG,
                List.of(new byte[] {1}))).producerProperties();
        assertEquals("50", props.get("linger.ms"));
        assertEquals("all", props.get("acks"));
        assertEquals("true", props.get("enable.idempotence"));
    }
}
