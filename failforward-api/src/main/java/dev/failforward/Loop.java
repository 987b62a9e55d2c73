package dev.failforward;

import dev.failforward.api.PublicApi;
import dev.failforward.compare.Policy;
import dev.failforward.compare.PairedBootstrap;
import dev.failforward.compare.loop.LoopHtml;
import dev.failforward.compare.loop.LoopJson;
import dev.failforward.compare.loop.LoopRequest;
import dev.failforward.compare.loop.LoopResult;
import dev.failforward.compare.loop.LoopRunner;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.model.ModelProvider;
import dev.failforward.model.ModelProviders;
import dev.failforward.report.AtomicFiles;
import dev.failforward.retrain.RetrainStrategies;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.TableFingerprint;
import dev.failforward.store.JdbcFailureLog;
import dev.failforward.store.RedactionKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loop, configured by name with the command line's defaults: the built-in gradient-boosted model,
 * a stratified 30 % hold-out split once into selection and verification rows, seed 42, the default
 * detectors, 3 rounds of the strategies {@value #DEFAULT_STRATEGIES}. {@link #run()} records every
 * round's scan and retrain, and the loop itself, as runs in the failure log and, when {@link #report}
 * names a folder, writes {@code loop.json} and {@code loop.html} there.
 */
@PublicApi
public final class Loop {

    public static final int DEFAULT_ROUNDS = 3;
    public static final String DEFAULT_STRATEGIES = "reweight,augment,clean,production,combined";
    public static final String JSON = "loop.json";
    public static final String HTML = "loop.html";

    private final FailForward owner;
    private final Path data;
    private String target;
    private String model = "builtin:gbm";
    private String idColumn;
    private final List<String> ignore = new ArrayList<>();
    private final List<String> redact = new ArrayList<>();
    private double testFraction = ScanSpec.DEFAULT_TEST_FRACTION;
    private long seed = ScanSpec.DEFAULT_SEED;
    private int rounds = DEFAULT_ROUNDS;
    private String strategies = DEFAULT_STRATEGIES;
    private String detectors = "default";
    private Policy policy;
    private int resamples = PairedBootstrap.DEFAULT_RESAMPLES;
    private Map<String, String> options = Map.of();
    private Path report;

    Loop(FailForward owner, Path data) {
        this.owner = owner;
        this.data = data;
    }

    /** The column to predict (required). */
    public Loop target(String column) {
        this.target = column;
        return this;
    }

    /** A built-in model: {@code builtin:gbm} (default), {@code builtin:logistic}, {@code builtin:tree}, {@code builtin:text-minilm-logistic}. */
    public Loop model(String id) {
        this.model = id;
        return this;
    }

    /** The column whose values are the row keys (default: the row's index in the file). */
    public Loop id(String column) {
        this.idColumn = column;
        return this;
    }

    /** Columns the model must not see. */
    public Loop ignore(String... columns) {
        ignore.addAll(List.of(columns));
        return this;
    }

    /** Input columns stored (and trained on) as keyed hashes, and left out of slice searches. */
    public Loop redact(String... columns) {
        redact.addAll(List.of(columns));
        return this;
    }

    public Loop testFraction(double fraction) {
        this.testFraction = fraction;
        return this;
    }

    public Loop seed(long value) {
        this.seed = value;
        return this;
    }

    /** How many rounds at most (default {@value #DEFAULT_ROUNDS}); a round that keeps nothing ends the loop. */
    public Loop rounds(int count) {
        this.rounds = count;
        return this;
    }

    /** The strategies each round tries: a comma-separated list, or {@code all}. */
    public Loop strategies(String list) {
        this.strategies = list;
        return this;
    }

    /** Which detectors each round's scan runs: {@code default}, {@code all}, {@code none} or ids. */
    public Loop detectors(String ids) {
        this.detectors = ids;
        return this;
    }

    /** The gate every candidate must pass (default: the deployment gate). */
    public Loop policy(Policy gate) {
        this.policy = gate;
        return this;
    }

    /** Paired bootstrap resamples per candidate. */
    public Loop resamples(int count) {
        this.resamples = count;
        return this;
    }

    /** The options as given, recorded with every run of the loop. */
    public Loop options(Map<String, String> given) {
        this.options = Map.copyOf(given);
        return this;
    }

    /** Also writes loop.json and loop.html into {@code folder}. */
    public Loop report(Path folder) {
        this.report = folder;
        return this;
    }

    /** Runs every round and stores each run in the failure log. */
    public LoopResult run() {
        if (target == null) {
            throw new IllegalArgumentException("a loop needs a target column: call target(\"column\")");
        }
        ModelProvider provider = ModelProviders.find(model);
        ScanSpec spec = new ScanSpec(target, null, null, idColumn, ignore, testFraction, seed);
        Table table = TableReaders.read(data, ReadOptions.DEFAULT);
        for (String column : redact) {
            if (table.find(column).isEmpty()) {
                throw new IllegalArgumentException("redact: no column '" + column + "' in " + data.getFileName()
                        + "; columns are " + table.columnNames());
            }
        }
        Redaction redaction = redact.isEmpty() ? Redaction.NONE : RedactionKeys.forStore(owner.store(), redact);
        if (idColumn != null && redact.contains(idColumn)) {
            redaction = redaction.withRowKeys();
        }
        ScanData prepared = ScanData.prepare(redaction.apply(table), null, spec);
        Map<String, String> given = new LinkedHashMap<>(options);
        given.putIfAbsent("--rounds", String.valueOf(rounds));
        given.putIfAbsent("--strategy", strategies);
        if (!redact.isEmpty()) {
            given.putIfAbsent("--redact", redact.toString());
        }
        FailureLog log = redact.isEmpty() ? owner.log() : JdbcFailureLog.open(owner.store(), redaction);
        try {
            LoopRequest request = new LoopRequest(prepared, provider.id(), provider.trainer(), owner.modelSaver(),
                    data.getFileName().toString(), TableFingerprint.of(table), RetrainStrategies.resolve(strategies), policy,
                    FailForward.detectors(detectors, List.of()).hiding(redact), rounds, seed, resamples, redact,
                    log.judgedEvents(), given);
            LoopResult result = new LoopRunner(log, owner.progressSink()).run(request);
            if (report != null) {
                try {
                    java.nio.file.Files.createDirectories(report);
                    AtomicFiles.write(report.resolve(JSON), LoopJson.render(result));
                    AtomicFiles.write(report.resolve(HTML), LoopHtml.render(result));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write into " + report + ": " + e.getMessage(), e);
                }
            }
            return result;
        } finally {
            if (log != owner.log()) {
                log.close();
            }
        }
    }
}
