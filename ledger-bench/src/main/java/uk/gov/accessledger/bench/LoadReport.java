package uk.gov.accessledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a load test and writes {@code load.json}: the phases, the machine, and its load while loading. */
final class LoadReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LoadReport() {
    }

    static void write(LoadSettings settings, LoadTest test) throws Exception {
        Files.createDirectories(settings.out());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("loadAverageBefore", MachineInfo.loadAverage());
        try (LoadSampler sampler = new LoadSampler(5)) {
            report.putAll(test.run());
            report.put("loadAverageDuring", sampler.summary());
        }
        report.put("loadAverageAfter", MachineInfo.loadAverage());
        report.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path file = settings.out().resolve("load.json");
        writeJson(file, report);
        System.out.println("[load] wrote " + file);
    }

    static void writeJson(Path file, Map<String, Object> report) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(report) + "\n");
    }

    /** Reads a {@code load.json} written by {@link #write}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Map.class);
    }

    /** The (first) phase named {@code name} in a read report, or null. */
    static Map<String, Object> phase(Map<String, Object> load, String name) {
        List<Map<String, Object>> runs = phases(load, name);
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** Every phase named {@code name} in a read report (one per client count), in report order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> phases(Map<String, Object> load, String name) {
        if (load == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) load.getOrDefault("phases", List.of())).stream()
                .filter(phase -> name.equals(phase.get("phase"))).toList();
    }

    static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
