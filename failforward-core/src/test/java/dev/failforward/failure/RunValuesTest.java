package dev.failforward.failure;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting evaluated rows and failures per category and per numeric bin. */
class RunValuesTest {

    @Test
    void numbersFallInRoundedDecileBinsAndRowsAndFailuresUseTheSameEdges() {
        double[] values = IntStream.range(0, 1000).mapToDouble(i -> i + 0.37).toArray();
        values[5] = Double.NaN;
        boolean[] failed = new boolean[values.length];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = i % 4 == 0;
        }
        List<ValueCount> bins = RunValues.numbers("x", values, failed);
        assertThat(bins).hasSize(11);
        assertThat(bins.get(0).low()).isEqualTo(0.37);
        assertThat(bins.subList(1, 10)).extracting(ValueCount::low).containsExactly(100.0, 200.0, 300.0, 400.0, 500.0,
                600.0, 700.0, 800.0, 900.0);
        assertThat(bins.get(9).high()).isEqualTo(999.37);
        assertThat(bins.get(10).isMissing()).isTrue();
        assertThat(bins.get(10).rows()).isEqualTo(1);
        assertThat(bins.get(0).rows()).isEqualTo(99);
        assertThat(bins.get(0).label(false)).isEqualTo("[0.37, 100)");
        assertThat(bins.get(9).label(true)).isEqualTo("[900, 999.37]");
        assertThat(bins.stream().mapToLong(ValueCount::rows).sum()).isEqualTo(1000);
        // Every failure counted once, in the bin its value falls in.
        for (ValueCount b : bins.subList(0, 10)) {
            long expected = IntStream.range(0, values.length).filter(i -> failed[i] && values[i] >= b.low()
                    && (values[i] < b.high() || b.high() == 999.37 && values[i] == 999.37)).count();
            assertThat(b.failures()).as(b.label(false)).isEqualTo(expected);
        }
    }

    @Test
    void fewDistinctNumbersGetOneBinEach() {
        List<ValueCount> bins = RunValues.numbers("n", new double[]{1, 2, 2, 3, 3, 3}, new boolean[]{true, false, true, false, false, true});
        assertThat(bins).extracting(ValueCount::low).containsExactly(1.0, 2.0, 3.0);
        assertThat(bins).extracting(ValueCount::rows).containsExactly(1L, 2L, 3L);
        assertThat(bins).extracting(ValueCount::failures).containsExactly(1L, 1L, 1L);
        assertThat(bins.get(2).label(true)).isEqualTo("3");
    }

    @Test
    void aTableIsCountedPerCategoryWithoutItsTargetOrItsIdentifiers() {
        List<String> many = IntStream.range(0, RunValues.MAX_CATEGORIES + 1).mapToObj(i -> "id" + i).toList();
        int n = many.size();
        int[] ids = IntStream.range(0, n).toArray();
        int[] colours = IntStream.range(0, n).map(i -> i % 7 == 0 ? -1 : i % 2).toArray();
        int[] labels = IntStream.range(0, n).map(i -> i % 2).toArray();
        Table t = Table.of("t", List.of(new CategoricalColumn("id", ColumnType.CATEGORICAL, many, ids),
                new CategoricalColumn("colour", ColumnType.CATEGORICAL, List.of("red", "<b>blue</b>"), colours),
                new CategoricalColumn("label", ColumnType.CATEGORICAL, List.of("no", "yes"), labels),
                new NumericColumn("x", IntStream.range(0, n).mapToDouble(i -> i % 3).toArray())))
                .withRole("label", ColumnRole.TARGET);
        List<PredictionRecord> predictions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            predictions.add(new PredictionRecord(Integer.toString(i), "no", "no", new double[0], null, 0, i % 3 == 0));
        }
        RunValues v = RunValues.of(t, predictions);
        assertThat(v.counts()).extracting(ValueCount::column).doesNotContain("id", "label").contains("colour", "x");
        ValueCount missing = v.counts().stream().filter(c -> c.column().equals("colour") && c.isMissing()).findFirst().orElseThrow();
        assertThat(missing.rows()).isEqualTo(IntStream.range(0, n).filter(i -> i % 7 == 0).count());
        assertThat(v.counts().stream().filter(c -> c.column().equals("colour")).mapToLong(ValueCount::rows).sum()).isEqualTo(n);
        ValueCount x0 = v.counts().stream().filter(c -> c.column().equals("x") && c.low() == 0.0).findFirst().orElseThrow();
        assertThat(x0.failures()).isEqualTo(x0.rows());
    }

    @Test
    void productionInputsAreBinnedWhenNumericAndCountedAsTextOtherwise() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("age", i);
            m.put("member", i % 2 == 0);
            m.put("code", i % 3 == 0 ? 7 : "x");
            inputs.add(m);
        }
        boolean[] failed = new boolean[30];
        failed[0] = true;
        failed[2] = true;
        RunValues v = RunValues.of(inputs, failed);
        assertThat(v.counts().stream().filter(c -> c.column().equals("age"))).allMatch(ValueCount::isBin);
        assertThat(v.counts().stream().filter(c -> c.column().equals("member"))).extracting(ValueCount::value)
                .containsExactly("false", "true");
        ValueCount member = v.counts().stream().filter(c -> "true".equals(c.value())).findFirst().orElseThrow();
        assertThat(member.rows()).isEqualTo(15);
        assertThat(member.failures()).isEqualTo(2);
        assertThat(v.counts().stream().filter(c -> c.column().equals("code"))).extracting(ValueCount::value).containsExactly("7", "x");
        assertThat(v.without("age"::equals).counts()).noneMatch(c -> c.column().equals("age"));
    }
}
