package dev.failforward.examples;

import dev.failforward.FailForward;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.WeakSliceMeasurements;
import dev.failforward.session.ScanResult;

import java.nio.file.Path;

/** Scans the Telco churn data with the built-in model and prints the weak slices it finds. */
public final class WeakSlices {

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "datasets/tabular/telco_churn.csv");
        String store = args.length > 1 ? args[1] : FailForward.DEFAULT_STORE;
        try (FailForward ff = FailForward.open(store)) {
            ScanResult result = ff.scan(data).target("churn").detectors("weak-slice").run();
            System.out.printf("run %s: %d failures in %d test rows%n", result.run().id(),
                    result.failures().size(), result.predictions().size());
            result.findings().forEach(f -> System.out.printf("[%s] %s%n", f.severity().id(), f.title()));
            // Each detector's measurements are its own record, found or not.
            for (DetectorResult d : result.detectors()) {
                if (d.measurements() instanceof WeakSliceMeasurements m) {
                    System.out.printf(java.util.Locale.ROOT, "searched %d candidate slices; average failure rate %.3f; %d top slices kept%n",
                            m.evaluated(), m.averageError(), m.slices().size());
                }
            }
        }
    }
}
