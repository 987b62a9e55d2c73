package dev.failforward;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Judge;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java API on the bundled Telco data: the same defaults and judgements as the command line. */
class ScanTest {

    @TempDir
    Path dir;

    private static Path telco() {
        return Path.of(System.getProperty("failforward.root", "..")).resolve("datasets/tabular/telco_churn.csv");
    }

    @Test
    void theOverConfidenceThresholdOfTheCalibrationDetectorDecidesWhichFailuresAreTaggedOverconfident() {
        try (FailForward ff = FailForward.open(dir.resolve("ff.db").toString())) {
            ScanResult strict = ff.scan(telco()).target("churn").model("builtin:logistic").detectors("none")
                    .threshold("calibration.overconfident=0.6").run();
            ScanResult usual = ff.scan(telco()).target("churn").model("builtin:logistic").detectors("none").run();

            assertThat(strict.failures()).hasSameSizeAs(usual.failures()).isNotEmpty();
            assertTagged(strict.failures(), 0.6);
            assertTagged(usual.failures(), Judge.DEFAULT_OVERCONFIDENT);
            assertThat(tagged(strict.failures())).isGreaterThan(tagged(usual.failures()));
            assertThat(ff.log().run(strict.run().id())).isPresent();
        }
    }

    @Test
    void reportsAreWrittenWhenAFolderIsNamedAndTheModelIsSavedBesideTheStore() {
        try (FailForward ff = FailForward.open(dir.resolve("ff.db").toString())) {
            ScanResult r = ff.scan(telco()).target("churn").model("builtin:tree").detectors("none")
                    .report(dir.resolve("out")).run();

            assertThat(dir.resolve("out/report.json")).exists();
            assertThat(dir.resolve("out/report.html")).exists();
            assertThat(Path.of(r.run().modelPath())).startsWith(dir.resolve("failforward-saved-models"));
            assertThat(Files.exists(Path.of(r.run().modelPath()))).isTrue();
        }
    }

    @Test
    void aScanWithoutATargetSaysWhatIsMissing() {
        try (FailForward ff = FailForward.open(dir.resolve("ff.db").toString())) {
            assertThatThrownBy(() -> ff.scan(telco()).run()).hasMessageContaining("target");
        }
    }

    private static void assertTagged(List<Failure> failures, double threshold) {
        for (Failure f : failures) {
            boolean over = f.confidence() >= threshold;
            assertThat(f.causeTags().contains(Judge.OVERCONFIDENT_TAG)).as("failure %s, confidence %s", f.rowKey(), f.confidence())
                    .isEqualTo(over);
        }
    }

    private static long tagged(List<Failure> failures) {
        return failures.stream().filter(f -> f.causeTags().contains(Judge.OVERCONFIDENT_TAG)).count();
    }
}
