package dev.failforward.detect;

import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LeakageDetectorTest {

    private final LeakageDetector detector = new LeakageDetector();

    @Test
    void flagsAColumnDerivedFromTheTarget() {
        Table raw = Planted.table("breast_cancer.csv");
        ScanData plain = ScanData.prepare(raw, null, ScanSpec.of("diagnosis"));
        // The diagnosis plus noise, as a column that would only be known afterwards.
        double[] y = new double[raw.rowCount()];
        Random random = new Random(5);
        for (int i = 0; i < y.length; i++) {
            y[i] = plain.target().classes().indexOf(raw.column("diagnosis").text(i)) + random.nextGaussian() * 0.1;
        }
        List<dev.failforward.data.Column> columns = new ArrayList<>(raw.columns());
        columns.add(new NumericColumn("review_score", y));
        ScanData leaky = ScanData.prepare(Table.of("breast_cancer+leak", columns), null, ScanSpec.of("diagnosis"));
        Detection d = detector.detect(Planted.context(leaky, "test:logistic", null));
        assertThat(d.findings().get(0).title()).startsWith("'review_score' alone predicts");
        assertThat(d.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void flagsACategoricalColumnEqualToTheLabelIn95PercentOfRows() {
        // Telco with 'retention_offer' = the churn label in 95 % of rows (a flag set after the fact):
        // single-feature AUC about 0.95, where the best real feature (contract) reaches about 0.77.
        Table raw = Planted.table("telco_churn.csv");
        String[] offer = new String[raw.rowCount()];
        Random random = new Random(8);
        for (int i = 0; i < offer.length; i++) {
            boolean churned = raw.column("churn").text(i).equals("Yes");
            offer[i] = (random.nextDouble() < 0.95) == churned ? "made" : "none";
        }
        List<dev.failforward.data.Column> columns = new ArrayList<>(raw.columns());
        columns.add(new dev.failforward.data.CategoricalColumn("retention_offer", dev.failforward.data.ColumnType.CATEGORICAL,
                List.of("made", "none"), java.util.Arrays.stream(offer).mapToInt(o -> o.equals("made") ? 0 : 1).toArray()));
        ScanData leaky = ScanData.prepare(Table.of("telco+offer", columns), null, ScanSpec.of("churn"));
        Detection d = detector.detect(Planted.context(leaky, "test:logistic", null));
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.title()).startsWith("'retention_offer' alone predicts").contains("the model's AUC");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void staysQuietOnCleanTelco() {
        ScanData clean = Planted.prepared("telco_churn.csv", "churn");
        Detection d = detector.detect(Planted.context(clean, "test:logistic", null));
        assertThat(Planted.noWarnings(d)).as(d.findings().toString()).isTrue();
    }

    @Test
    void commonCombinationsAreNotCopiesButCopiedRecordsAre() {
        // Few categorical columns: most test rows repeat a training row by chance, with either label.
        Table raw = Planted.table("telco_churn.csv");
        Table few = raw.project(List.of("contract", "internet_service", "paperless_billing", "churn"));
        Detection common = detector.detect(Planted.context(ScanData.prepare(few, null, ScanSpec.of("churn")),
                "test:logistic", null));
        assertThat(((LeakageMeasurements) common.measurements()).duplicateTestRows()).isGreaterThan(2000);
        assertThat(Planted.noWarnings(common)).as(common.findings().toString()).isTrue();

        // Every tenth record of breast cancer twice in the file: copies land on both sides of the split.
        Table bc = Planted.table("breast_cancer.csv");
        int[] twice = java.util.stream.IntStream.range(0, bc.rowCount() + bc.rowCount() / 10)
                .map(i -> i < bc.rowCount() ? i : (i - bc.rowCount()) * 10).toArray();
        Detection copied = detector.detect(Planted.context(ScanData.prepare(bc.select(twice), null,
                ScanSpec.of("diagnosis")), "test:logistic", null));
        assertThat(copied.findings()).anySatisfy(f -> {
            assertThat(f.title()).contains("copies of a training row");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void flagsAMultiClassLabelCopyThatStandsAlone() {
        // Chile's vote (four classes, hard to predict): clean, nothing warns; a column equal to the vote in
        // 85 % of the rows (a random other vote otherwise) reaches a one-vs-rest AUC far above every real column.
        Table chile = Planted.broad("chile_vote.csv");
        ScanData clean = ScanData.prepare(chile, null, ScanSpec.of("vote"));
        Detection quiet = detector.detect(Planted.context(clean, "test:logistic", null));
        assertThat(Planted.noWarnings(quiet)).as(quiet.findings().toString()).isTrue();

        dev.failforward.data.Column vote = chile.column("vote");
        List<String> votes = List.of("A", "N", "U", "Y");
        Random random = new Random(Planted.SEED);
        int[] codes = new int[chile.rowCount()];
        for (int i = 0; i < codes.length; i++) {
            int truth = votes.indexOf(vote.text(i));
            codes[i] = random.nextDouble() < 0.85 ? truth : (truth + 1 + random.nextInt(3)) % 4;
        }
        List<dev.failforward.data.Column> columns = new ArrayList<>(chile.columns());
        columns.add(new dev.failforward.data.CategoricalColumn("poll_answer", dev.failforward.data.ColumnType.CATEGORICAL,
                votes, codes));
        Table leaked = Table.of("chile_vote.csv with a poll answer", columns);
        Detection d = detector.detect(Planted.context(ScanData.prepare(leaked, null, ScanSpec.of("vote")),
                "test:logistic", null));
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.title()).startsWith("'poll_answer' alone predicts 'vote'");
            assertThat(f.severity()).isIn(Severity.WARNING, Severity.CRITICAL);
            assertThat((double) f.evidence().get("auc")).isGreaterThan(0.9);
        });
    }

    @Test
    void rowsOfFewValuedColumnsRepeatByChanceNotByCopying() {
        // Arrests: seven columns of few values each, so a random split repeats about a quarter of the
        // test rows in the training rows, about as many as independent columns give by chance.
        Detection d = detector.detect(Planted.context(ScanData.prepare(Planted.broad("arrests.csv"), null,
                ScanSpec.of("released")), "test:logistic", null));
        LeakageMeasurements m = (LeakageMeasurements) d.measurements();
        int copies = m.copiedTestRows();
        double chance = m.copiedTestRowsByChance();
        assertThat(copies).isGreaterThan(200);
        assertThat(chance).isBetween(0.8 * copies, 1.2 * copies);
        assertThat(Planted.noWarnings(d)).as(d.findings().toString()).isTrue();
    }

    @Test
    void identifiersAreKeysNotAmounts() {
        // Credit data's Price is a whole-number amount with many distinct values over a wide range.
        double[] price = {1200, 3450, 999, 15020, 2210, 800, 4510, 7300, 1850, 2675};
        assertThat(LeakageDetector.numericKey("Price", new NumericColumn("Price", price))).isFalse();
        double[] keys = java.util.stream.IntStream.range(0, 10).mapToDouble(i -> 100001 + i).toArray();
        assertThat(LeakageDetector.numericKey("customer", new NumericColumn("customer", keys))).isTrue();
        assertThat(LeakageDetector.numericKey("loan_id", new NumericColumn("loan_id", price))).isTrue();
        assertThat(LeakageDetector.numericKey("paid", new NumericColumn("paid", price))).isFalse();
    }

    @Test
    void staysQuietOnCleanData() {
        ScanData clean = Planted.prepared("breast_cancer.csv", "diagnosis");
        Detection d = detector.detect(Planted.context(clean, "test:logistic", null));
        assertThat(Planted.noWarnings(d)).isTrue();
    }
}
