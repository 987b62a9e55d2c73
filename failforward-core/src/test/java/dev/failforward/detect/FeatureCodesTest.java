package dev.failforward.detect;

import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureCodesTest {

    @Test
    void aColumnMostlyAtItsMinimumSplitsTheMinimumFromTheRest() {
        double[] v = new double[200];
        for (int i = 189; i < 200; i++) {
            v[i] = i - 188;
        }
        FeatureCodes codes = FeatureCodes.of(List.<Column>of(new NumericColumn("debt", v)), v.length, 10);
        assertThat(codes.labels().get(0)).containsExactly("debt < 1", "debt ≥ 1");
        assertThat(codes.codes().get(0)[0]).isZero();
        assertThat(codes.codes().get(0)[199]).isEqualTo(1);
    }

    @Test
    void fewValuesKeepTheirOwnLevelsAndMissingIsALevel() {
        double[] v = {0, 1, 2, Double.NaN, 1};
        FeatureCodes codes = FeatureCodes.of(List.<Column>of(new NumericColumn("kids", v)), v.length, 10);
        assertThat(codes.labels().get(0)).containsExactly("kids = 0", "kids = 1", "kids = 2", "kids is missing");
        assertThat(codes.codes().get(0)).containsExactly(0, 1, 2, 3, 1);
    }

    @Test
    void boundariesAreWrittenToTheDataPrecision() {
        // Values read from 32-bit floats: 0.1f is 0.10000000149011612 as a double.
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.1 * (i % 20));
        }
        FeatureCodes codes = FeatureCodes.of(List.<Column>of(new NumericColumn("ratio", v)), v.length, 10);
        assertThat(codes.labels().get(0)).first().isEqualTo("ratio < 0.2");
        assertThat(String.join(" ", codes.labels().get(0))).doesNotContain("0000");
        // Two decimals in the data, two in the labels.
        double[] money = {12.5, 3.25, 7.75, 100.1, 55.55, 8.0, 9.99, 1.01, 2.02, 3.03, 4.04, 5.05};
        assertThat(NumberLabels.decimals(money)).isEqualTo(2);
        assertThat(NumberLabels.format(1.0 / 3, 2)).isEqualTo("0.33");
        assertThat(NumberLabels.format(100, 2)).isEqualTo("100");
    }
}
