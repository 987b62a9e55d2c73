package dev.failforward.retrain;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingSetTest {

    private static Table train() {
        Table t = Table.of("t", List.of(new NumericColumn("tenure", new double[] {1, 5, 30, 60}),
                new CategoricalColumn("contract", ColumnType.CATEGORICAL, List.of("Month-to-month", "Two year"), new int[] {0, 0, 1, 1}),
                new CategoricalColumn("churn", ColumnType.CATEGORICAL, List.of("No", "Yes"), new int[] {1, 1, 0, 0})));
        return t.withRole("churn", ColumnRole.TARGET);
    }

    @Test
    void copiesDropAndRepeatRowsRelabelsChangeLabelsAndAddedRowsFollow() {
        Table added = Rows.fromInputs(train(), List.of(Map.of("tenure", 2.0, "contract", "One year")), "churn", List.of("No"));
        TrainingSet set = TrainingSet.of("x", new int[] {0, 3, 1, 1}, Map.of(2, "Yes"), added, Aim.overall(), "");
        Table t = set.materialize(train(), "churn");
        assertThat(t.rowCount()).isEqualTo(0 + 3 + 1 + 1 + 1);
        assertThat(((NumericColumn) t.column("tenure")).values()).containsExactly(5, 5, 5, 30, 60, 2);
        assertThat(t.column("churn").text(3)).isEqualTo("Yes");
        assertThat(t.column("contract").text(5)).isEqualTo("One year");
        assertThat(t.role("churn")).isEqualTo(ColumnRole.TARGET);
        assertThat(set.dropped()).isEqualTo(1);
        assertThat(set.repeated()).isEqualTo(1);
        assertThat(set.addedRows()).isEqualTo(1);
    }

    @Test
    void slicePredicatesReadTheWeakSliceLabels() {
        Table t = train();
        assertThat(SlicePredicates.rows(t, List.of("contract = Month-to-month", "tenure < 5"))).containsExactly(true, false, false, false);
        assertThat(SlicePredicates.rows(t, List.of("5 ≤ tenure < 60"))).containsExactly(false, true, true, false);
        assertThat(SlicePredicates.rows(t, List.of("tenure ≥ 60"))).containsExactly(false, false, false, true);
        assertThat(SlicePredicates.rows(t, List.of("tenure = 30"))).containsExactly(false, false, true, false);
        assertThat(SlicePredicates.rows(t, List.of("nope = 1"))).containsExactly(false, false, false, false);
    }

    @Test
    void selectionAndVerificationHalvesAreDisjointStratifiedAndSeeded() {
        int[] labels = new int[200];
        for (int i = 0; i < 60; i++) {
            labels[i] = 1;
        }
        SelectionSplit a = SelectionSplit.of(labels, 2, 200, 7);
        assertThat(a.verification()).hasSize(100);
        assertThat(a.selection()).hasSize(100).doesNotContain(a.verification());
        assertThat(java.util.Arrays.stream(a.verification()).filter(i -> labels[i] == 1).count()).isEqualTo(30);
        assertThat(SelectionSplit.of(labels, 2, 200, 7).verification()).containsExactly(a.verification());
        assertThat(SelectionSplit.of(labels, 2, 200, 8).verification()).isNotEqualTo(a.verification());
    }
}
