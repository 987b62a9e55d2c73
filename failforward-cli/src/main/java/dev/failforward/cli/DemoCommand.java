package dev.failforward.cli;

import dev.failforward.FailForward;
import dev.failforward.compare.retrain.RetrainHtml;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.report.AtomicFiles;
import dev.failforward.report.HtmlReport;
import dev.failforward.scan.ScanSpec;
import dev.failforward.session.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward demo}: the whole loop on the bundled Telco churn data — scan with detectors, then retrain. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Scan the bundled Telco churn data, retrain with its failures, and write a report.",
        description = {"Scan the bundled Telco churn data (7043 customers, target 'churn'): train, evaluate on a",
                "held-out 30%%, run the default detectors, log every failure in the failure log; then retrain",
                "with the failures (strategies " + DemoCommand.STRATEGIES + ") and judge the candidates on",
                "verification rows. report.json is the scan's report; report.html adds the retrain section,",
                "and retrain.json / retrain.html hold the retrain run.", ""},
        footer = {"", "Examples:",
                "  failforward demo",
                "  failforward demo --model builtin:logistic --out demo-logistic",
                "  failforward demo --no-retrain",
                "", "Data: IBM Telco customer churn sample, from the R package modeldata 1.1.0 (MIT)."})
public final class DemoCommand implements Callable<Integer> {

    static final String DATA = "telco_churn.csv";
    static final String TARGET = "churn";
    /** The demo's strategies: the two that target accuracy, a few seconds on Telco; 'failforward retrain --strategy all' runs every one. */
    static final String STRATEGIES = "reweight,clean";
    /** Bootstrap resamples of the demo's retrain, fewer than retrain's default, to stay within a minute. */
    static final int RESAMPLES = 300;

    @Mixin
    RunOptions run;

    @Option(names = "--no-retrain", description = "Only the scan, without the retrain.")
    boolean noRetrain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = extract();
        try {
            Table table = TableReaders.read(file, ReadOptions.DEFAULT);
            ScanSpec scanSpec = new ScanSpec(TARGET, null, null, null, java.util.List.of(),
                    ScanSpec.DEFAULT_TEST_FRACTION, run.seed);
            ScanJob job = new ScanJob(System.out, System.err);
            int code = job.run("demo", table, null, scanSpec, run, DATA, GivenOptions.of(spec), null, List.of(),
                    FailForward.detectors("default", List.of()), null);
            ScanResult scan = job.last();
            if (noRetrain || scan == null || !run.model.startsWith("builtin:")) {
                return code;
            }
            System.out.println();
            RetrainJob.Done done = new RetrainJob(System.out, System.err).run(new RetrainJob.Settings(scan.run().id(), file,
                    STRATEGIES, null, null, false, run.out, null, RESAMPLES, run.store,
                    Map.of("--strategy", STRATEGIES, "--resamples", String.valueOf(RESAMPLES))));
            addSection(run.out.resolve(HtmlReport.FILE_NAME), RetrainHtml.section(done.result(), done.runId()));
            return done.result().anyError() ? ExitCodes.PART_FAILED : code;
        } finally {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException ignored) {
                // a temporary copy; the system cleans its temp folder
            }
        }
    }

    /** Adds {@code section} at the end of the report's main part, rewriting the file atomically. */
    private static void addSection(Path report, String section) {
        try {
            String html = Files.readString(report, StandardCharsets.UTF_8);
            int at = html.lastIndexOf("</main>");
            at = at < 0 ? html.lastIndexOf("</body>") : at;
            AtomicFiles.write(report, html.substring(0, at) + section + html.substring(at));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the retrain section to " + report + ": " + e.getMessage(), e);
        }
    }

    static Path extract() {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + DATA)) {
            if (in == null) {
                throw new IllegalStateException("the demo data is missing from this build");
            }
            Path file = Files.createTempDirectory("failforward-demo").resolve(DATA);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
