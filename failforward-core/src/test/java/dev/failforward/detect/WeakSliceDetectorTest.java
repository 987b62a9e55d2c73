package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Table;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WeakSliceDetectorTest {

    private final WeakSliceDetector detector = new WeakSliceDetector();

    @Test
    void ranksAPlantedTwoPredicateSliceFirst() {
        ScanData clean = Planted.prepared("telco_churn.csv", "churn");
        Table test = clean.test();
        CategoricalColumn payment = (CategoricalColumn) test.column("payment_method");
        CategoricalColumn internet = (CategoricalColumn) test.column("internet_service");
        int mailed = payment.levels().indexOf("Mailed check");
        int dsl = internet.levels().indexOf("DSL");
        int[] inSlice = Planted.rowsWhere(test, i -> payment.code(i) == mailed && internet.code(i) == dsl);
        assertThat(inSlice.length).isGreaterThan(40);
        ScanData planted = Planted.flipTest(clean, Planted.sample(inSlice.length, 0.6, 3).length == 0 ? new int[0]
                : pick(inSlice, Planted.sample(inSlice.length, 0.6, 3)));
        Detection d = detector.detect(Planted.context(planted, "test:logistic", null));

        assertThat(d.findings()).isNotEmpty();
        Finding first = d.findings().get(0);
        assertThat(first.title()).contains("payment_method = Mailed check").contains("internet_service = DSL");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(((WeakSliceMeasurements) d.measurements()).slices().get(0).qValue()).isLessThan(0.001);
    }

    @Test
    void staysQuietWhenFailuresAreSpreadEvenly() {
        ScanData clean = Planted.prepared("breast_cancer.csv", "diagnosis");
        Detection d = detector.detect(Planted.context(clean, "test:logistic", null));
        assertThat(Planted.noWarnings(d)).isTrue();
    }

    private static int[] pick(int[] rows, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = rows[positions[i]];
        }
        return out;
    }
}
