package dev.failforward.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.detect.DetectionJson;
import dev.failforward.detect.DetectorReport;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.FailureSort;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.StatDimension;
import dev.failforward.run.Run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a log gives back through its reading methods, as text: runs, predictions, failures
 * with recurrence and triage, histories, triage, explanations, detections, statistics and
 * failure rates. Two logs that read back identically give the same text.
 */
final class LogDump {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(value.toString());
                }
            }))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Bean getters (isBin) come in no fixed order by reflection.
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    private final List<String> lines = new ArrayList<>();

    private LogDump() {
    }

    static String of(JdbcFailureLog log) {
        LogDump d = new LogDump();
        List<Run> runs = log.runs();
        d.add("runs", runs);
        d.add("latest", log.run("latest"));
        Set<String> fingerprints = new LinkedHashSet<>();
        Set<String> columns = new TreeSet<>();
        for (Run r : runs) {
            String id = r.id();
            d.add("run " + id, log.run(id));
            d.add("predictions " + id, log.predictions(id));
            List<LoggedFailure> failures = log.find(FailureFilter.ofRun(id));
            d.add("failures " + id, failures);
            d.add("count " + id, log.count(FailureFilter.ofRun(id)));
            for (LoggedFailure f : failures) {
                fingerprints.add(f.failure().fingerprint());
                columns.addAll(f.failure().input().keySet());
            }
            d.add("worst " + id, log.find(new FailureFilter(id, null, null, null, null, null, null, FailureSort.LOSS, 5)));
            d.add("attributions " + id, log.attributionsOfRun(id));
            d.add("contrasts " + id, log.contrasts(id));
            d.add("detections " + id, detections(log.detections(id)));
            d.add("progress " + id, log.progress(id));
            for (StatDimension by : StatDimension.values()) {
                if (by != StatDimension.FEATURE) {
                    d.add("stats " + id + " " + by, log.stats(id, by, null));
                }
            }
        }
        for (String column : columns) {
            d.add("stats feature " + column, log.stats(null, StatDimension.FEATURE, column));
            d.add("rates " + column, log.rates(null, column));
        }
        for (String fingerprint : fingerprints) {
            d.add("history " + fingerprint, log.history(fingerprint));
            d.add("triage " + fingerprint, log.triageHistory(fingerprint));
        }
        List<LoggedFailure> all = log.find(FailureFilter.all());
        for (LoggedFailure f : all.subList(0, Math.min(20, all.size()))) {
            d.add("failure " + f.failure().id(), log.failure(f.failure().id()));
            d.add("attributions of " + f.failure().id(), log.attributions(f.failure().id()));
        }
        return String.join("\n", d.lines) + "\n";
    }

    /** Detector results and findings in their JSON form (DetectionJson), every row key kept. */
    private static Map<String, Object> detections(DetectorReport report) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("results", report.results().stream().map(DetectionJson::result).toList());
        out.put("findings", report.findings().stream().map(f -> DetectionJson.finding(f, DetectionJson.ALL_ROW_KEYS)).toList());
        return out;
    }

    private void add(String what, Object value) {
        try {
            Object plain = value instanceof java.util.Optional<?> o ? o.orElse(null) : value;
            lines.add(what + ": " + JSON.writeValueAsString(plain));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
