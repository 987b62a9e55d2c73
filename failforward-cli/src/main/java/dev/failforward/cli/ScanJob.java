package dev.failforward.cli;

import dev.failforward.data.Table;
import dev.failforward.detect.DetectorPlan;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Severity;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureLog;
import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.report.ReportFiles;
import dev.failforward.report.ReportWriter;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanResult;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.Scanner;
import dev.failforward.scan.TableFingerprint;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The work behind {@code scan} and {@code demo}: check everything, then train, evaluate, store the
 * run and write the reports. Nothing is written before all input has been checked.
 */
final class ScanJob {

    private static final int WORST_SHOWN = 5;

    private final PrintStream out;
    private final PrintStream err;

    ScanJob(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String kind, Table data, Table test, ScanSpec spec, RunOptions options, String dataName,
            Map<String, String> given) {
        return run(kind, data, test, spec, options, dataName, given, DetectorPlan.none(), null);
    }

    /**
     * The same with detectors. Exit code 1 when {@code failOn} is set and a finding of that
     * severity or worse exists; else 3 when a detector failed; else 0.
     */
    int run(String kind, Table data, Table test, ScanSpec spec, RunOptions options, String dataName,
            Map<String, String> given, DetectorPlan plan, Severity failOn) {
        ModelProvider provider = ModelProviders.find(options.model);
        ScanData prepared = ScanData.prepare(data, test, spec);
        checkOutputFolder(options.out);
        String fingerprint = TableFingerprint.of(data) + (test == null ? "" : "+" + TableFingerprint.of(test));
        if (prepared.droppedRows() > 0) {
            err.println("note: " + prepared.droppedRows() + " rows without a value in '" + spec.target() + "' were left out");
        }
        Path models = Stores.modelFolder(options.store);
        ScanResult result;
        try (FailureLog log = Stores.open(options.store)) {
            Scanner scanner = new Scanner(log, (runId, model) -> {
                Path file = models.resolve(runId + ".model");
                ModelFiles.save(model, file);
                return file.toString();
            }, new TerminalProgress(err));
            result = scanner.scan(kind, prepared, provider.id(), provider.trainer(), dataName, fingerprint, spec.seed(),
                    given, plan);
            ReportFiles written = write(result, options.out);
            summary(result, written, log.location());
        }
        detectors(result);
        if (failOn != null && result.findings().stream().anyMatch(f -> f.severity().atLeast(failOn))) {
            err.println("failforward: --fail-on " + failOn.id() + ": there are findings of severity " + failOn.id() + " or worse");
            return ExitCodes.FAILED_CHECK;
        }
        if (result.detectors().stream().anyMatch(d -> d.status() == DetectorResult.Status.ERROR)) {
            return ExitCodes.PART_FAILED;
        }
        return ExitCodes.OK;
    }

    private void detectors(ScanResult r) {
        if (r.detectors().isEmpty()) {
            return;
        }
        out.println("  detectors:");
        for (DetectorResult d : r.detectors()) {
            long n = r.findings().stream().filter(f -> f.detector().equals(d.id())).count();
            out.printf("    %-12s %s%s (%d ms)%n", d.id(), d.status().id(),
                    d.status() == DetectorResult.Status.ERROR ? ": " + d.error() : ", " + n + (n == 1 ? " finding" : " findings"),
                    d.millis());
        }
        for (Finding f : r.findings().stream().limit(WORST_SHOWN * 2).toList()) {
            out.printf("    [%s] %s%n", f.severity().id(), Text.clip(f.title(), 140));
        }
    }

    private static ReportFiles write(ScanResult result, Path folder) {
        try {
            return ReportWriter.writeAll(result, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void checkOutputFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException("--out " + folder + " is a file; expected a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private void summary(ScanResult r, ReportFiles written, String store) {
        int n = r.predictions().size();
        int f = r.failures().size();
        out.printf("Run %s: %s on %s (%s, target '%s')%n", r.run().id(), r.run().modelId(), r.run().data(),
                r.run().task().id(), r.run().target());
        StringBuilder metrics = new StringBuilder();
        r.evaluation().metrics().forEach((k, v) -> metrics.append(String.format("  %s %.4f", k, v)));
        out.println("  metrics:" + metrics);
        out.printf("  %d test rows, %d failures (%.1f%%)%n", n, f, n == 0 ? 0 : 100.0 * f / n);
        List<Failure> worst = r.failures().stream().sorted(Comparator.comparingDouble(Failure::loss).reversed())
                .limit(WORST_SHOWN).toList();
        if (!worst.isEmpty()) {
            out.println("  worst failures:");
            for (Failure w : worst) {
                out.printf("    row %-8s expected %-12s predicted %-12s%s loss %.3f%n", w.rowKey(),
                        Text.clip(w.expected(), 12), Text.clip(w.predicted(), 12),
                        w.confidence() == null ? "" : String.format(" confidence %.3f", w.confidence()), w.loss());
            }
        }
        out.println("  report:      " + written.html());
        out.println("  json:        " + written.json());
        out.println("  predictions: " + written.csv());
        out.println("  failure log: " + store + "  (failforward log list --run " + r.run().id() + ")");
    }
}
