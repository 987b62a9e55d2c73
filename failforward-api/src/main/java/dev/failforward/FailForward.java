package dev.failforward;

import dev.failforward.api.PublicApi;
import dev.failforward.detect.AveragedTrainer;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.DetectorPlan;
import dev.failforward.detect.Detectors;
import dev.failforward.log.FailureLog;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.progress.Progress;
import dev.failforward.session.ModelSaver;
import dev.failforward.store.JdbcFailureLog;
import dev.failforward.store.StoreLocation;

import java.nio.file.Path;
import java.util.List;

/**
 * FailForward from Java: opens the failure log and runs scans on it, with the command line's
 * defaults. The command line runs on the same pieces.
 *
 * <pre>{@code
 * try (FailForward ff = FailForward.open("failforward.db")) {
 *     ScanResult result = ff.scan(Path.of("telco_churn.csv")).target("churn").run();
 *     result.findings().forEach(f -> System.out.println(f.severity() + " " + f.title()));
 * }
 * }</pre>
 */
@PublicApi
public final class FailForward implements AutoCloseable {

    /** The failure log when none is named: a SQLite file in the working folder. */
    public static final String DEFAULT_STORE = "failforward.db";
    /** The trainer of detectors that need one (out-of-fold probabilities, the domain classifier). */
    public static final String DETECTOR_TRAINER_ID = "builtin:logistic+builtin:gbm";

    private final FailureLog log;
    private final String store;
    private final Progress progress;

    private FailForward(FailureLog log, String store, Progress progress) {
        this.log = log;
        this.store = store;
        this.progress = progress;
    }

    /** Opens (creating it when new) the failure log at {@code store}: a SQLite file, or {@code jdbc:postgresql://…}. */
    public static FailForward open(String store) {
        return new FailForward(JdbcFailureLog.open(store), store, Progress.NONE);
    }

    /** The same FailForward, reporting the stages of long work to {@code to}. */
    public FailForward progress(Progress to) {
        return new FailForward(log, store, to);
    }

    /** A scan of the table in {@code data} (CSV, TSV or Parquet), to be configured and run. */
    public Scan scan(Path data) {
        return new Scan(this, data);
    }

    /**
     * A loop on the table in {@code data}: scan, detect, probe, retrain and compare for a number of
     * rounds, each from the model kept so far; to be configured and run.
     */
    public Loop loop(Path data) {
        return new Loop(this, data);
    }

    /** The failure log, for queries of stored runs and failures. */
    public FailureLog log() {
        return log;
    }

    String store() {
        return store;
    }

    Progress progressSink() {
        return progress;
    }

    /**
     * Where runs' models are saved: {@code failforward-saved-models/} beside a SQLite file, or in the
     * working folder for a database server.
     */
    public Path modelFolder() {
        return modelFolder(store);
    }

    /** Saves each run's model into {@link #modelFolder()}. */
    public ModelSaver modelSaver() {
        return modelSaver(store);
    }

    /** {@link #modelFolder()} of the store at {@code location}. */
    public static Path modelFolder(String location) {
        Path file = StoreLocation.parse(location).file();
        return file == null ? Path.of("failforward-saved-models") : file.toAbsolutePath().getParent().resolve("failforward-saved-models");
    }

    /** Saves each run's model as {@code <run id>.model} in {@link #modelFolder(String)} of the store at {@code location}. */
    public static ModelSaver modelSaver(String location) {
        Path folder = modelFolder(location);
        return (runId, model) -> {
            Path file = folder.resolve(runId + ".model");
            ModelFiles.save(model, file);
            return file.toString();
        };
    }

    /**
     * The detectors {@code ids} names ({@code default}, {@code all}, {@code none} or ids such as
     * {@code weak-slice,drift}) with threshold overrides ({@code weak-slice.min-support=50}); detectors
     * that need a trainer get the average of the built-in logistic regression and gradient-boosted trees.
     */
    public static DetectorPlan detectors(String ids, List<String> thresholds) {
        return new DetectorPlan(Detectors.resolve(ids), DetectorConfig.parse(thresholds, Detectors.all()),
                new AveragedTrainer(DETECTOR_TRAINER_ID, List.of(ModelProviders.find("builtin:logistic").trainer(),
                        ModelProviders.find("builtin:gbm").trainer())));
    }

    @Override
    public void close() {
        log.close();
    }
}
