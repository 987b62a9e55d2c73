package dev.failforward.session;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;
import dev.failforward.detect.Finding;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a {@code label-issue} finding suspects of a wrong label, training and test rows alike, as
 * failures with origin {@value #ORIGIN} and cause tag {@value #ORIGIN}: stored with the run, keyed by
 * the row key, they are a review queue ({@code log list --origin label-issue}). Expected is the given
 * label, predicted the suggested one, the probabilities out of fold.
 */
public final class LabelSuspects {

    public static final String ORIGIN = "label-issue";

    private LabelSuspects() {
    }

    /** One failure per suspect of every label-issue finding, numbered from {@code firstNumber}. */
    public static List<Failure> failures(String runId, int firstNumber, ScanData data, List<Finding> findings) {
        List<Failure> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!ORIGIN.equals(f.detector()) || !(f.evidence().get("suspects") instanceof List<?> suspects)) {
                continue;
            }
            for (Object o : suspects) {
                if (o instanceof Map<?, ?> s) {
                    out.add(failure(runId, firstNumber + out.size(), data, s));
                }
            }
        }
        return out;
    }

    private static Failure failure(String runId, int number, ScanData data, Map<?, ?> s) {
        Table table = "train".equals(s.get("set")) ? data.train() : data.test();
        int row = ((Number) s.get("row")).intValue();
        Map<String, Object> input = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            if (table.role(c.name()) != ColumnRole.TARGET) {
                input.put(c.name(), c.value(row));
            }
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        if (s.get("probabilities") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> probabilities.put(String.valueOf(k), ((Number) v).doubleValue()));
        }
        String key = String.valueOf(s.get("key"));
        String given = String.valueOf(s.get("given"));
        String suggested = String.valueOf(s.get("suggested"));
        double quality = ((Number) s.get("quality")).doubleValue();
        Double confidence = probabilities.get(suggested);
        return new Failure(runId + "-" + number, runId, key, ORIGIN, input, given, suggested, probabilities, null,
                confidence, -Math.log(Math.max(1e-15, quality)), List.of(ORIGIN),
                Fingerprints.failure(key, input, ORIGIN, Map.of()));
    }
}
