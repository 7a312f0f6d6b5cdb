package org.anomalyforge.generator.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loss curves and JSON-lines logs (seas.md §7.3 "Logging"): per stage, the terms of every step are averaged over
 * windows of {@value #WINDOW} steps; each window becomes one curve point per term and one JSON line
 * {@code {"step": n, "lr": …, "<term>": …}}. The snapshot includes the window in progress, so a resumed run logs
 * exactly what the uninterrupted run would have.
 */
public final class LossLog {

    /** Steps per logged window. */
    public static final int WINDOW = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Persistent part of the log.
     *
     * @param curves "&lt;stage&gt;.&lt;term&gt;" → window means
     * @param lines  stage → JSON lines
     * @param last   "&lt;stage&gt;.&lt;term&gt;" → mean of the latest window
     * @param windowSum   term → sum over the open window
     * @param windowSteps steps in the open window
     * @param windowLr    lr of the open window's latest step
     */
    public record Snapshot(Map<String, List<Double>> curves, Map<String, List<String>> lines, Map<String, Double> last,
            Map<String, Double> windowSum, int windowSteps, double windowLr) {
    }

    private final Map<String, List<Double>> curves = new LinkedHashMap<>();
    private final Map<String, List<String>> lines = new LinkedHashMap<>();
    private final Map<String, Double> last = new LinkedHashMap<>();
    private final Map<String, Double> windowSum = new LinkedHashMap<>();
    private int windowSteps;
    private double windowLr;

    public LossLog() {
    }

    public LossLog(Snapshot snapshot) {
        snapshot.curves().forEach((k, v) -> curves.put(k, new ArrayList<>(v)));
        snapshot.lines().forEach((k, v) -> lines.put(k, new ArrayList<>(v)));
        last.putAll(snapshot.last());
        windowSum.putAll(snapshot.windowSum());
        windowSteps = snapshot.windowSteps();
        windowLr = snapshot.windowLr();
    }

    /** Adds one step's terms; closes the window after {@value #WINDOW} steps. */
    public void add(String stage, long step, Map<String, Double> terms, double lr) {
        terms.forEach((k, v) -> windowSum.merge(k, v, Double::sum));
        windowSteps++;
        windowLr = lr;
        if (windowSteps == WINDOW) {
            flush(stage, step);
        }
    }

    /** Closes a partial window (end of a stage). */
    public void flush(String stage, long step) {
        if (windowSteps == 0) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("lr", windowLr);
        for (Map.Entry<String, Double> e : windowSum.entrySet()) {
            double mean = e.getValue() / windowSteps;
            curves.computeIfAbsent(stage + "." + e.getKey(), k -> new ArrayList<>()).add(mean);
            last.put(stage + "." + e.getKey(), mean);
            line.put(e.getKey(), mean);
        }
        try {
            lines.computeIfAbsent(stage, k -> new ArrayList<>()).add(JSON.writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise log line " + line, e);
        }
        windowSum.clear();
        windowSteps = 0;
    }

    /** The persistent state, including the open window. */
    public Snapshot snapshot() {
        Map<String, List<Double>> c = new LinkedHashMap<>();
        curves.forEach((k, v) -> c.put(k, List.copyOf(v)));
        Map<String, List<String>> l = new LinkedHashMap<>();
        lines.forEach((k, v) -> l.put(k, List.copyOf(v)));
        return new Snapshot(c, l, new LinkedHashMap<>(last), new LinkedHashMap<>(windowSum), windowSteps, windowLr);
    }

    /** The JSON-lines text of {@code stage} (empty if none). */
    public String jsonLines(String stage) {
        List<String> l = lines.getOrDefault(stage, List.of());
        return l.isEmpty() ? "" : String.join("\n", l) + "\n";
    }
}
