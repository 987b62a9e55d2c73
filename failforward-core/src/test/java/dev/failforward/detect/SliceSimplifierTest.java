package dev.failforward.detect;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.support.Datasets;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SliceSimplifierTest {

    private static final Table TELCO = new CsvTableReader().read(Datasets.tabular("telco_churn.csv"), ReadOptions.DEFAULT);
    private static final FeatureCodes CODES = FeatureCodes.of(TELCO.features(), TELCO.rowCount(), 10);

    /** Every row of Mailed check + DSL fails with probability 0.7, every other row with 0.1. */
    private static boolean[] planted() {
        Random random = new Random(5);
        boolean[] failed = new boolean[TELCO.rowCount()];
        for (int i = 0; i < failed.length; i++) {
            boolean inSlice = "Mailed check".equals(TELCO.column("payment_method").text(i))
                    && "DSL".equals(TELCO.column("internet_service").text(i));
            failed[i] = random.nextDouble() < (inSlice ? 0.7 : 0.1);
        }
        return failed;
    }

    @Test
    void aRefinementOfThePlantedSliceFallsBackToIt() {
        boolean[] failed = planted();
        Slice refined = slice(failed, "payment_method = Mailed check", "internet_service = DSL", "senior_citizen = 0");
        Slice exact = slice(failed, "payment_method = Mailed check", "internet_service = DSL");

        List<SliceSimplifier.Simplified> out = SliceSimplifier.simplify(CODES, failed, List.of(refined, exact), 10, 0.95, 100, 0.05);

        // Both become the planted slice, merged into one, which keeps both of its predicates.
        assertThat(out).hasSize(1);
        assertThat(out.get(0).slice().describe(CODES)).isEqualTo("internet_service = DSL AND payment_method = Mailed check");
        assertThat(out.get(0).slice().size()).isEqualTo(exact.size());
        assertThat(out.get(0).slice().qValue()).isLessThan(1e-10);
    }

    @Test
    void aPredicateThatExcludesNoRowIsDropped() {
        boolean[] failed = planted();
        // multiple_lines = No phone service holds exactly the rows with phone_service = 0.
        Slice twoNames = slice(failed, "phone_service = 0", "multiple_lines = No phone service");
        assertThat(twoNames.size()).isGreaterThan(600);

        SliceSimplifier.Simplified out = SliceSimplifier.simplify(CODES, failed, List.of(twoNames), 10, 0.95, 100, 0.05).get(0);

        assertThat(out.slice().level()).isEqualTo(1);
        assertThat(out.slice().size()).isEqualTo(twoNames.size());
        assertThat(out.dropped()).hasSize(1);
    }

    @Test
    void aSupportedPredicateStays() {
        boolean[] failed = planted();
        // DSL alone fails far less than Mailed check + DSL: neither predicate may go.
        Slice exact = slice(failed, "payment_method = Mailed check", "internet_service = DSL");
        SliceSimplifier.Simplified out = SliceSimplifier.simplify(CODES, failed, List.of(exact), 10, 0.95, 100, 0.05).get(0);
        assertThat(out.slice().level()).isEqualTo(2);
        assertThat(out.dropped()).isEmpty();
    }

    @Test
    void atAMillionRowsThePlantedSliceStaysWholeAndRanksFirst() {
        // Four categorical columns, 1M rows (seeded); x0 = 1 AND x3 = 2 (1/16 of the rows) fails 60 %, the
        // rest 10 %. Both its binomial p-value and that of its parent x3 = 2 (22.5 %) underflow to 0.0.
        int n = 1_000_000;
        Random random = new Random(17);
        int[][] codes = new int[4][n];
        int[] levels = {4, 5, 3, 4};
        boolean[] failed = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < 4; f++) {
                codes[f][i] = random.nextInt(levels[f]);
            }
            failed[i] = random.nextDouble() < (codes[0][i] == 1 && codes[3][i] == 2 ? 0.6 : 0.1);
        }
        List<dev.failforward.data.Column> columns = new java.util.ArrayList<>();
        for (int f = 0; f < 4; f++) {
            List<String> names = java.util.stream.IntStream.range(0, levels[f]).mapToObj(Integer::toString).toList();
            columns.add(new dev.failforward.data.CategoricalColumn("x" + f, dev.failforward.data.ColumnType.CATEGORICAL, names, codes[f]));
        }
        FeatureCodes million = FeatureCodes.of(columns, n, 10);
        SliceSearch.Result found = SliceSearch.search(million, failed, new SliceSearch.Settings(3, 10, n / 100, 0.95));
        List<SliceSimplifier.Simplified> out = SliceSimplifier.simplify(million, failed, found.top(), n / 100, 0.95,
                found.evaluated(), 0.05);

        assertThat(SliceSearch.binomialP(found.top().get(0).errors(), found.top().get(0).size(), found.averageError())).isZero();
        assertThat(out.get(0).slice().describe(million)).isEqualTo("x0 = 1 AND x3 = 2");
        assertThat(out.get(0).dropped()).isEmpty();
        // simplify-alpha = 1 keeps the slices exactly as the search found them.
        List<SliceSimplifier.Simplified> kept = SliceSimplifier.simplify(million, failed, found.top(), n / 100, 0.95,
                found.evaluated(), 1);
        assertThat(kept).extracting(SliceSimplifier.Simplified::slice).containsExactlyElementsOf(found.top());
    }

    @Test
    void logPValuesOrderSlicesWhoseAPValuesUnderflow() {
        // 37,500 failures of 62,500 rows against 10 %, and 56,250 of 250,000: both P = 0.0 in doubles.
        assertThat(SliceSearch.binomialP(37_500, 62_500, 0.1)).isZero();
        assertThat(SliceSearch.binomialP(56_250, 250_000, 0.1)).isZero();
        double own = SliceSearch.logBinomialP(37_500, 62_500, 0.1);
        double parent = SliceSearch.logBinomialP(56_250, 250_000, 0.1);
        assertThat(own).isLessThan(parent).isFinite();
        // Where the p-value is representable, the log is its logarithm.
        assertThat(SliceSearch.logBinomialP(30, 100, 0.1))
                .isCloseTo(Math.log(SliceSearch.binomialP(30, 100, 0.1)), org.assertj.core.api.Assertions.within(1e-9));
    }

    /** The slice of these predicates (by label), counted row by row. */
    private static Slice slice(boolean[] failed, String... labels) {
        int[][] fl = new int[labels.length][];
        for (int j = 0; j < labels.length; j++) {
            for (int f = 0; f < CODES.features() && fl[j] == null; f++) {
                int l = CODES.labels().get(f).indexOf(labels[j]);
                if (l >= 0) {
                    fl[j] = new int[]{f, l};
                }
            }
            assertThat(fl[j]).as(labels[j]).isNotNull();
        }
        java.util.Arrays.sort(fl, java.util.Comparator.comparingInt(x -> x[0]));
        int[] features = new int[labels.length];
        int[] levels = new int[labels.length];
        for (int j = 0; j < labels.length; j++) {
            features[j] = fl[j][0];
            levels[j] = fl[j][1];
        }
        Slice bare = new Slice(features, levels, 0, 0, 0, Double.NaN, Double.NaN);
        long[] rows = SliceSearch.rows(CODES, bare);
        int size = SliceSearch.popcount(rows);
        int errors = 0;
        for (int i = 0; i < failed.length; i++) {
            errors += failed[i] && (rows[i >>> 6] & (1L << i)) != 0 ? 1 : 0;
        }
        return new Slice(features, levels, size, errors, 1, Double.NaN, Double.NaN);
    }
}
