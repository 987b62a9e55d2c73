package dev.failforward.report;

import dev.failforward.data.Column;
import dev.failforward.detect.Detection;
import dev.failforward.detect.Detector;
import dev.failforward.detect.DetectorChart;
import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Measurements;
import dev.failforward.detect.Severity;
import dev.failforward.detect.Threshold;

import java.util.ArrayList;
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
        List<Method> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        counts.forEach((value, n) -> {
            Method row = new Method(value, (double) n[1] / n[0]);
            rows.add(row);
            if (row.failureRate() >= c.threshold(this, WARNING_RATE)) {
                findings.add(new Finding(ID, Severity.WARNING, "Payment method " + value + " fails often", n[0], List.of(), null,
                        Map.of("payment_method", value, "failure_rate", row.failureRate())));
            }
        });
        return new Detection(new Rates(rows), findings);
    }

    /** What this detector measures: each payment method's failure rate. */
    public record Rates(List<Method> methods) implements Measurements.Plugin {
    }

    public record Method(String paymentMethod, double failureRate) {
    }

    @Override
    public Class<? extends Measurements> measurementType() {
        return Rates.class;
    }

    @Override
    public List<DetectorChart> charts(Measurements measurements) {
        List<Method> rows = ((Rates) measurements).methods();
        return List.of(new DetectorChart.Bars("Failure rate per payment method", "payment method", "failure rate",
                rows.stream().map(Method::paymentMethod).toList(), rows.stream().mapToDouble(Method::failureRate).toArray()));
    }
}
