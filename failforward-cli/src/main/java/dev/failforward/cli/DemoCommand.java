package dev.failforward.cli;

import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.scan.ScanSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code failforward demo}: a scan of the bundled Telco churn data. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Scan the bundled Telco churn data and write a report.",
        description = {"Scan the bundled Telco churn data (7043 customers, target 'churn'): train, evaluate on a",
                "held-out 30%%, log every failure in the failure log and write a report.", ""},
        footer = {"", "Examples:",
                "  failforward demo",
                "  failforward demo --model builtin:logistic --out demo-logistic",
                "", "Data: IBM Telco customer churn sample, from the R package modeldata 1.1.0 (MIT)."})
public final class DemoCommand implements Callable<Integer> {

    static final String DATA = "telco_churn.csv";
    static final String TARGET = "churn";

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = extract();
        try {
            Table table = TableReaders.read(file, ReadOptions.DEFAULT);
            ScanSpec scanSpec = new ScanSpec(TARGET, null, null, null, java.util.List.of(),
                    ScanSpec.DEFAULT_TEST_FRACTION, run.seed);
            return new ScanJob(System.out, System.err).run("demo", table, null, scanSpec, run, DATA, GivenOptions.of(spec));
        } finally {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException ignored) {
                // a temporary copy; the system cleans its temp folder
            }
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
