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
        Detection d = detector.detect(Planted.context(leaky, "builtin:logistic", null));
        assertThat(d.findings().get(0).title()).startsWith("'review_score' alone predicts");
        assertThat(d.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void staysQuietOnCleanData() {
        ScanData clean = Planted.prepared("breast_cancer.csv", "diagnosis");
        Detection d = detector.detect(Planted.context(clean, "builtin:logistic", null));
        assertThat(Planted.noWarnings(d)).isTrue();
    }
}
