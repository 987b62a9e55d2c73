package dev.failforward.detect;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.support.Datasets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SliceSearchTest {

    private static final Table TELCO = new CsvTableReader().read(Datasets.tabular("telco_churn.csv"), ReadOptions.DEFAULT);

    @Test
    void pruningKeepsTheExactTopKOfABruteForceSearch() {
        FeatureCodes codes = FeatureCodes.of(TELCO.columns().stream().filter(c -> !c.name().equals("churn")).toList(),
                TELCO.rowCount(), 5);
        boolean[] errors = new boolean[TELCO.rowCount()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = "Yes".equals(TELCO.column("churn").text(i));
        }
        SliceSearch.Settings s = new SliceSearch.Settings(2, 8, 100, 0.95);
        List<Slice> found = SliceSearch.search(codes, errors, s).top();

        // Every single predicate and every pair, counted row by row.
        SliceSearch.Scorer scorer = new SliceSearch.Scorer(errors.length, mean(errors), 0.95, 100);
        List<double[]> all = new ArrayList<>();
        for (int f = 0; f < codes.features(); f++) {
            for (int v = 0; v < codes.levels(f); v++) {
                all.add(new double[]{score(codes, errors, scorer, new int[]{f}, new int[]{v})});
                for (int g = f + 1; g < codes.features(); g++) {
                    for (int w = 0; w < codes.levels(g); w++) {
                        all.add(new double[]{score(codes, errors, scorer, new int[]{f, g}, new int[]{v, w})});
                    }
                }
            }
        }
        all.sort(Comparator.comparingDouble((double[] x) -> -x[0]));
        assertThat(found).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(found.get(i).score()).isCloseTo(all.get(i)[0], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void findsAPlantedSliceAndNothingSignificantInRandomErrors() {
        FeatureCodes codes = FeatureCodes.of(TELCO.features(), TELCO.rowCount(), 10);
        Random random = new Random(1);
        boolean[] noise = new boolean[TELCO.rowCount()];
        boolean[] planted = new boolean[TELCO.rowCount()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble() < 0.1;
            boolean inSlice = "Mailed check".equals(TELCO.column("payment_method").text(i))
                    && "DSL".equals(TELCO.column("internet_service").text(i));
            planted[i] = inSlice ? random.nextDouble() < 0.5 : noise[i];
        }
        SliceSearch.Settings s = new SliceSearch.Settings(3, 10, 70, 0.95);
        SliceSearch.Result hit = SliceSearch.search(codes, planted, s);
        List<SliceGroups.Group> groups = SliceGroups.of(codes, hit.top(), 0.5);
        assertThat(groups.get(0).leader().describe(codes)).contains("payment_method = Mailed check").contains("internet_service = DSL");
        assertThat(groups.get(0).leader().qValue()).isLessThan(1e-6);

        SliceSearch.Result quiet = SliceSearch.search(codes, noise, s);
        assertThat(quiet.top()).allSatisfy(sl -> assertThat(sl.qValue()).isGreaterThan(0.05));
    }

    private static double score(FeatureCodes codes, boolean[] errors, SliceSearch.Scorer scorer, int[] f, int[] v) {
        int size = 0;
        int e = 0;
        outer:
        for (int i = 0; i < errors.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (codes.codes().get(f[j])[i] != v[j]) {
                    continue outer;
                }
            }
            size++;
            e += errors[i] ? 1 : 0;
        }
        return size < 100 || e == 0 ? Double.NEGATIVE_INFINITY : scorer.score(size, e);
    }

    private static double mean(boolean[] b) {
        int c = 0;
        for (boolean x : b) {
            c += x ? 1 : 0;
        }
        return (double) c / b.length;
    }
}
