package dev.failforward.cli;

import dev.failforward.probe.ProbeSuite;
import dev.failforward.probe.SuiteFile;
import dev.failforward.scan.ScanData;

import java.nio.file.Files;
import java.nio.file.Path;

/** The probe suite a command runs: a suite file, or the default suite for the data's column types; checked against the data before any work. */
final class ProbeSuites {

    private ProbeSuites() {
    }

    static ProbeSuite resolve(Path file, ScanData data) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new UsageException("the probe suite " + file + " does not exist");
        }
        ProbeSuite suite = file == null ? ProbeSuite.defaults(data.test()) : SuiteFile.read(file);
        suite.check(data);
        return suite;
    }
}
