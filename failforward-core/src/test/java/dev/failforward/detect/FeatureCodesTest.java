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
}
