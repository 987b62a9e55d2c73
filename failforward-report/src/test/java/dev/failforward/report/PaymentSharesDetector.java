package dev.failforward.report;

import dev.failforward.data.Column;
import dev.failforward.detect.Detection;
import dev.failforward.detect.Detector;
import dev.failforward.detect.DetectorChart;
import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.Measurements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second detector of the test tree only: each payment method's share of all test rows against its
 * share of the failed ones, described as a gallery of one distribution, so the report draws
 * distributions for a detector it does not know.
 */
public final class PaymentSharesDetector implements Detector {

    static final String ID = "payment-shares";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "share of each payment method among all rows and among failures";
    }

    @Override
    public Detection detect(DetectorContext c) {
        Column method = c.data().test().column("payment_method");
        Map<String, int[]> counts = new TreeMap<>();
        int failed = 0;
        for (int i = 0; i < method.size(); i++) {
            int[] n = counts.computeIfAbsent(method.text(i), k -> new int[2]);
            n[0]++;
            n[1] += c.failed()[i] ? 1 : 0;
            failed += c.failed()[i] ? 1 : 0;
        }
        List<String> methods = new ArrayList<>(counts.keySet());
        List<Double> all = new ArrayList<>();
        List<Double> failures = new ArrayList<>();
        for (String m : methods) {
            all.add((double) counts.get(m)[0] / method.size());
            failures.add(failed == 0 ? 0.0 : (double) counts.get(m)[1] / failed);
        }
        return new Detection(new Shares(methods, all, failures), List.of());
    }

    /** Each payment method's share of all test rows and of the failed ones. */
    public record Shares(List<String> methods, List<Double> all, List<Double> failures) implements Measurements.Plugin {
    }

    @Override
    public Class<? extends Measurements> measurementType() {
        return Shares.class;
    }

    @Override
    public List<DetectorChart> charts(Measurements measurements) {
        Shares shares = (Shares) measurements;
        List<String> methods = shares.methods();
        double[] all = shares.all().stream().mapToDouble(Double::doubleValue).toArray();
        double[] failures = shares.failures().stream().mapToDouble(Double::doubleValue).toArray();
        return List.of(new DetectorChart.Gallery("Payment methods among failures", List.of(new DetectorChart.Distribution(
                "payment_method", "all test rows", "failed rows", new double[0], methods,
                methods.stream().map(m -> false).toList(), all, failures, 0, 0))));
    }
}
