package org.anomalyforge.ingest.cameras;

import java.util.Map;
import java.util.Objects;

/**
 * What a simulator run sends, where and how fast.
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param topic            topic for the frames
 * @param cameras          number of cameras, 1..1000, named {@code cam-1} … {@code cam-N}
 * @param fps              frames per second per camera, (0, 1000]
 * @param product          value of the {@code product} header
 * @param limit            when the run ends
 * @param faults           injected faults
 * @param kafkaOptions     producer settings that override the simulator's (e.g. SASL/TLS settings)
 */
public record CameraSimulatorConfig(String bootstrapServers, String topic, int cameras, double fps, String product,
                                    RunLimit limit, FaultPlan faults, Map<String, String> kafkaOptions) {

    public CameraSimulatorConfig {
        requireText("bootstrapServers", bootstrapServers);
        requireText("topic", topic);
        requireText("product", product);
        if (cameras < 1 || cameras > 1000) {
            throw new IllegalArgumentException("cameras must be in 1..1000, got " + cameras);
        }
        if (!(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("fps must be in (0, 1000], got " + fps);
        }
        Objects.requireNonNull(limit, "limit must not be null");
        Objects.requireNonNull(faults, "faults must not be null");
        kafkaOptions = Map.copyOf(kafkaOptions);
    }

    /** The id of camera {@code index} (0-based): {@code cam-<index+1>}. */
    public String cameraId(int index) {
        return "cam-" + (index + 1);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, got '" + value + "'");
        }
    }
}
