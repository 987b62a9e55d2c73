package dev.failforward.scan;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.support.Datasets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingOverlapTest {

    private static final Table TELCO = new CsvTableReader().read(Datasets.tabular("telco_churn.csv"), ReadOptions.DEFAULT);

    @Test
    void theTrainingFileAsTestFileIsAllTrainingRows() {
        ScanData same = ScanData.prepare(TELCO, TELCO, ScanSpec.of("churn"));
        TrainingOverlap o = TrainingOverlap.of(same.train(), same.test());
        assertThat(o.inTraining()).isEqualTo(7043);
        assertThat(o.largely()).isTrue();
        assertThat(o.describe()).contains("7043 of 7043");
    }

    @Test
    void aHeldOutSplitIsNot() {
        ScanData split = ScanData.prepare(TELCO, null, ScanSpec.of("churn"));
        TrainingOverlap o = TrainingOverlap.of(split.train(), split.test());
        assertThat(o.share()).isLessThan(0.05);
        assertThat(o.largely()).isFalse();
    }

    @Test
    void rowsThatRepeatByChanceAreNotTrainingRows() {
        // Only a few categorical columns: most rows of any half repeat rows of the other half.
        Table few = TELCO.project(List.of("contract", "internet_service", "paperless_billing", "churn"));
        ScanData split = ScanData.prepare(few, null, ScanSpec.of("churn"));
        TrainingOverlap o = TrainingOverlap.of(split.train(), split.test());
        assertThat(o.share()).isGreaterThan(0.9);
        assertThat(o.largely()).isFalse();
    }
}
