package dev.failforward.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScaleTest {

    @Test
    void widensToRoundTicks() {
        Scale s = Scale.nice(0.03, 0.97, 5, 0, 100);
        assertThat(s.min()).isZero();
        assertThat(s.max()).isEqualTo(1.0);
        assertThat(s.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(s.map(0.5)).isCloseTo(50, within(1e-9));
    }

    @Test
    void largeAndNegativeRanges() {
        Scale s = Scale.nice(12_789, 755_000, 5, 0, 1);
        assertThat(s.ticks()).first().isEqualTo(0.0);
        assertThat(s.ticks()).last().isEqualTo(800_000.0);
        assertThat(s.step()).isEqualTo(200_000.0);
        Scale n = Scale.nice(-0.7, 0.3, 5, 0, 1);
        assertThat(n.ticks()).contains(-0.6, 0.0, 0.2).allMatch(t -> Math.abs(t * 10 - Math.rint(t * 10)) < 1e-12);
    }

    @Test
    void invertedDrawingRangeForYAxes() {
        Scale y = Scale.nice(0, 10, 5, 300, 50);
        assertThat(y.map(0)).isEqualTo(300);
        assertThat(y.map(10)).isEqualTo(50);
    }

    @Test
    void degenerateInputsStillGiveAScale() {
        Scale same = Scale.nice(5, 5, 5, 0, 1);
        assertThat(same.min()).isLessThan(5);
        assertThat(same.max()).isGreaterThan(5);
        Scale zero = Scale.nice(0, 0, 5, 0, 1);
        assertThat(zero.max()).isGreaterThan(zero.min());
        Scale nan = Scale.nice(Double.NaN, 1, 5, 0, 1);
        assertThat(nan.ticks()).isNotEmpty();
        Scale swapped = Scale.nice(1, 0, 5, 0, 1);
        assertThat(swapped.min()).isZero();
    }

    @Test
    void niceSteps() {
        assertThat(Scale.niceStep(0.17)).isEqualTo(0.2);
        assertThat(Scale.niceStep(3)).isEqualTo(5);
        assertThat(Scale.niceStep(7)).isEqualTo(10);
        assertThat(Scale.niceStep(1000)).isEqualTo(1000);
        assertThat(Scale.niceStep(0)).isEqualTo(1);
    }
}
