package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftDetectorTest {

    private final DriftDetector detector = new DriftDetector();

    @Test
    void flagsTheShiftedFeatureFirstAndOnlyIt() {
        ScanData clean = Planted.prepared("telco_churn.csv", "churn");
        double[] charges = Planted.numbers(clean.test(), "monthly_charges");
        for (int i = 0; i < charges.length; i++) {
            charges[i] = charges[i] * 1.3 + 10;
        }
        ScanData shifted = new ScanData(clean.train(), clean.test().replace(new NumericColumn("monthly_charges", charges)),
                clean.target(), clean.testKeys(), 0);
        Detection d = detector.detect(Planted.context(shifted, "test:logistic", Planted.trainer("test:logistic")));
        assertThat(d.findings()).isNotEmpty();
        assertThat(d.findings().get(0).title()).startsWith("'monthly_charges' differs");
        assertThat(d.findings().stream().filter(f -> f.title().contains("differs between"))).hasSize(1);
        assertThat(((DriftMeasurements) d.measurements()).domainClassifierAuc()).isGreaterThan(0.65);
    }

    @Test
    void staysQuietOnARandomSplit() {
        ScanData clean = Planted.prepared("telco_churn.csv", "churn");
        Detection d = detector.detect(Planted.context(clean, "test:logistic", Planted.trainer("test:logistic")));
        assertThat(Planted.noWarnings(d)).isTrue();
        assertThat(((DriftMeasurements) d.measurements()).domainClassifierAuc()).isBetween(0.4, 0.6);
    }

    @Test
    void newCategoriesOfARareValuedColumnAreChanceUnlessTheyAreMany() {
        // Bird strikes' aircraft models: hundreds of rare values, so a random split's test rows show
        // models the training rows never did, about as many as the models seen once predict.
        ScanData clean = ScanData.prepare(Planted.broad("birdstrikes.csv"), null, ScanSpec.of("damaged"));
        Detection d = detector.detect(Planted.context(clean, "test:logistic", null));
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.title()).startsWith("'aircraft_make_model' has categories never seen");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(d.findings().stream().filter(f -> f.title().contains("never seen") && f.severity() != Severity.INFO))
                .as(d.findings().toString()).isEmpty();

        // The same split with one test row in ten of an aircraft model never seen before.
        CategoricalColumn models = (CategoricalColumn) clean.test().column("aircraft_make_model");
        java.util.List<String> levels = new java.util.ArrayList<>(models.levels());
        levels.add("PLANTED-X1");
        int[] codes = new int[models.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i % 10 == 0 ? levels.size() - 1 : models.code(i);
        }
        ScanData planted = new ScanData(clean.train(), clean.test().replace(new CategoricalColumn("aircraft_make_model",
                ColumnType.CATEGORICAL, levels, codes)), clean.target(), clean.testKeys(), 0);
        Detection p = detector.detect(Planted.context(planted, "test:logistic", null));
        assertThat(p.findings()).anySatisfy(f -> {
            assertThat(f.title()).startsWith("'aircraft_make_model' has categories never seen");
            assertThat(String.valueOf(f.evidence().get("new_categories"))).contains("PLANTED-X1");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }
}
