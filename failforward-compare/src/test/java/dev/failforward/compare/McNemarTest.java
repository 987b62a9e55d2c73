package dev.failforward.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class McNemarTest {

    /**
     * Agresti, An Introduction to Categorical Data Analysis (2nd ed., 2007), Table 10.1: approval
     * of the U.S. President's performance in two surveys of the same 1600 people — 794 approve
     * both times, 150 approve then disapprove, 86 disapprove then approve, 570 disapprove both.
     * Discordant 150 vs 86; with continuity correction chi2 = (|150 - 86| - 1)^2 / 236 = 16.818,
     * p = 4.1146e-05 (scipy.stats.chi2.sf(63**2/236, 1) = 4.114562281345944e-05).
     */
    @Test
    void agrestiPresidentialApproval() {
        McNemar m = McNemar.test(150, 86);
        assertThat(m.method()).isEqualTo("chi2_cc");
        assertThat(m.statistic()).isCloseTo(16.8178, within(1e-4));
        assertThat(m.pValue()).isCloseTo(4.114562281345944e-05, within(1e-9));
    }

    /**
     * Fagerland, Lydersen and Laake, "The McNemar test for binary matched-pairs data: mid-p and
     * asymptotic are better than exact conditional", BMC Med Res Methodol 13:91 (2013): airway
     * hyper-responsiveness before and after stem cell transplantation, discordant pairs 1 and 7;
     * exact conditional p = 0.0703 (= 18/256; scipy.stats.binomtest(1, 8).pvalue = 0.0703125).
     */
    @Test
    void fagerlandExactSmallCounts() {
        McNemar m = McNemar.test(1, 7);
        assertThat(m.method()).isEqualTo("exact");
        assertThat(m.pValue()).isCloseTo(0.0703125, within(1e-12));
        assertThat(McNemar.test(7, 1).pValue()).isCloseTo(0.0703125, within(1e-12));
        // one-sided, candidate worse on 7 of 8: scipy binomtest(7, 8, alternative='greater') = 0.03515625
        assertThat(McNemar.pWorse(7, 1)).isCloseTo(0.03515625, within(1e-12));
        assertThat(McNemar.pWorse(1, 7)).isGreaterThan(0.9);
    }

    @Test
    void noDisagreementMeansNoEvidence() {
        assertThat(McNemar.test(0, 0).pValue()).isEqualTo(1);
        assertThat(McNemar.pWorse(0, 0)).isEqualTo(1);
        assertThat(McNemar.pWorse(0, 12)).isEqualTo(1);
    }

    /** R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02. */
    @Test
    void benjaminiHochbergMatchesR() {
        assertThat(BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
    }
}
