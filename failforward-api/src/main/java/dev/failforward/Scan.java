package dev.failforward;

import dev.failforward.api.PublicApi;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.ModelSource;
import dev.failforward.model.ModelSources;
import dev.failforward.model.Task;
import dev.failforward.report.ReportWriter;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.TableFingerprint;
import dev.failforward.session.ScanModel;
import dev.failforward.session.ScanRequest;
import dev.failforward.session.ScanResult;
import dev.failforward.session.Scanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One scan, configured by name with the command line's defaults: the built-in gradient-boosted
 * model, a stratified 30 % hold-out, seed 42 and the default detectors. {@link #run()} trains (or
 * loads) the model, judges the held-out rows, runs the detectors, stores the run in the failure log
 * and, when {@link #report} names a folder, writes the reports there.
 */
@PublicApi
public final class Scan {

    private final FailForward owner;
    private final Path data;
    private Path test;
    private String target;
    private String model = "builtin:gbm";
    private String idColumn;
    private final List<String> ignore = new ArrayList<>();
    private String positiveClass;
    private Task task;
    private double testFraction = ScanSpec.DEFAULT_TEST_FRACTION;
    private long seed = ScanSpec.DEFAULT_SEED;
    private String detectors = "default";
    private final List<String> thresholds = new ArrayList<>();
    private Path report;

    Scan(FailForward owner, Path data) {
        this.owner = owner;
        this.data = data;
    }

    /** The column to predict (required). */
    public Scan target(String column) {
        this.target = column;
        return this;
    }

    /** A separate test file; without it a stratified part of the data is held out. */
    public Scan test(Path file) {
        this.test = file;
        return this;
    }

    /** {@code builtin:gbm} (default), {@code builtin:logistic}, {@code builtin:tree}, or {@code xgboost:PATH}, {@code onnx:PATH}, {@code http(s)://…}. */
    public Scan model(String id) {
        this.model = id;
        return this;
    }

    /** The column whose values are the row keys (default: the row's index in the file). */
    public Scan id(String column) {
        this.idColumn = column;
        return this;
    }

    /** Columns the model must not see. */
    public Scan ignore(String... columns) {
        ignore.addAll(List.of(columns));
        return this;
    }

    public Scan positiveClass(String label) {
        this.positiveClass = label;
        return this;
    }

    /** The task; inferred from the target when not given. */
    public Scan task(Task value) {
        this.task = value;
        return this;
    }

    public Scan testFraction(double fraction) {
        this.testFraction = fraction;
        return this;
    }

    public Scan seed(long value) {
        this.seed = value;
        return this;
    }

    /** Which detectors run: {@code default}, {@code all}, {@code none} or ids such as {@code weak-slice,drift}. */
    public Scan detectors(String ids) {
        this.detectors = ids;
        return this;
    }

    /** Overrides a detector threshold, as {@code id.key=value} ({@code weak-slice.min-support=50}). */
    public Scan threshold(String setting) {
        thresholds.add(setting);
        return this;
    }

    /** Also writes report.html, report.json and predictions.csv into {@code folder}. */
    public Scan report(Path folder) {
        this.report = folder;
        return this;
    }

    /** Runs the scan and stores it in the failure log. */
    public ScanResult run() {
        if (target == null) {
            throw new IllegalArgumentException("a scan needs a target column: call target(\"column\")");
        }
        ScanSpec spec = new ScanSpec(target, task, positiveClass, idColumn, ignore, testFraction, seed);
        Table table = TableReaders.read(data, ReadOptions.DEFAULT);
        Table held = test == null ? null : TableReaders.read(test, ReadOptions.DEFAULT);
        ScanData prepared;
        ScanModel scanned;
        Optional<ModelSource> source = ModelSources.find(model);
        if (source.isPresent()) {
            ExternalModel loaded = source.get().load(model, ModelConfig.NONE);
            prepared = ScanData.forModel(held == null ? table : held, held == null ? null : table, spec, loaded.task(),
                    loaded.classes(), loaded.classCount());
            scanned = new ScanModel.Given(loaded.bind(prepared.target(), prepared.test()), loaded.location());
        } else {
            ModelProvider provider = ModelProviders.find(model);
            prepared = ScanData.prepare(table, held, spec);
            scanned = new ScanModel.Trained(provider.id(), provider.trainer(), owner.modelSaver());
        }
        String fingerprint = TableFingerprint.of(table) + (held == null ? "" : "+" + TableFingerprint.of(held));
        ScanRequest request = ScanRequest.of(prepared, scanned).dataNamed(data.getFileName().toString(), fingerprint)
                .seed(seed).detectors(source.isPresent() ? FailForward.detectors("none", thresholds)
                        : FailForward.detectors(detectors, thresholds));
        ScanResult result = new Scanner(owner.log(), owner.progressSink()).scan(request);
        if (report != null) {
            try {
                ReportWriter.writeAll(result, report);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report into " + report + ": " + e.getMessage(), e);
            }
        }
        return result;
    }
}
