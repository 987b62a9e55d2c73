package dev.failforward.report;

import dev.failforward.data.Column;
import dev.failforward.detect.Detection;
import dev.failforward.detect.Detector;
import dev.failforward.detect.DetectorChart;
import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Severity;
import dev.failforward.detect.Threshold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A detector that lives in the test tree only, registered for {@link java.util.ServiceLoader} there:
 * the failure rate per payment method. It shows that a new detector needs its class and its
 * registration line, and nothing in the report or the store.
 */
public final class FailuresByPaymentDetector implements Detector {

    static final String ID = "failures-by-payment";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "failure rate per payment method";
    }

    @Override
    public boolean byDefault() {
        return false;
    }

    static final Threshold.Real WARNING_RATE = Threshold.fraction("warning-rate", 0.3);

    @Override
    public List<Threshold<?>> thresholds() {
        return List.of(WARNING_RATE);
    }

    @Override
    public Detection detect(DetectorContext c) {
        Column method = c.data().test().column("payment_method");
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < method.size(); i++) {
            int[] n = counts.computeIfAbsent(method.text(i), k -> new int[2]);
            n[0]++;
            n[1] += c.failed()[i] ? 1 : 0;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        counts.forEach((value, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("payment_method", value);
            row.put("failure_rate", (double) n[1] / n[0]);
            rows.add(row);
            if ((double) n[1] / n[0] >= c.threshold(this, WARNING_RATE)) {
                findings.add(new Finding(ID, Severity.WARNING, "Payment method " + value + " fails often", n[0], List.of(), null, row));
            }
        });
        return new Detection(Map.of("methods", rows), findings);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<DetectorChart> charts(Map<String, Object> measurements) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) measurements.get("methods");
        return List.of(new DetectorChart.Bars("Failure rate per payment method", "payment method", "failure rate",
                rows.stream().map(r -> String.valueOf(r.get("payment_method"))).toList(),
                rows.stream().mapToDouble(r -> ((Number) r.get("failure_rate")).doubleValue()).toArray()));
    }
}
