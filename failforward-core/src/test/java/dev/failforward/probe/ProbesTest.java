package dev.failforward.probe;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.support.Datasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each registered probe on real Telco churn rows: seeded, level 0 is a no-op, stronger levels change more. */
class ProbesTest {

    static Table telco;

    @BeforeAll
    static void read() {
        telco = TableReaders.read(Datasets.tabular("telco_churn.csv"), ReadOptions.DEFAULT)
                .withRole("churn", ColumnRole.TARGET);
    }

    /** The tabular probes; text probes (package probe.text) leave Telco as it is and have their own test. */
    static List<Probe> tabular() {
        return Probes.all().stream().filter(p -> !p.getClass().getPackageName().endsWith(".text")).toList();
    }

    @Test
    void theDefaultSuiteIsRegisteredWithUniqueIds() {
        assertThat(tabular()).extracting(Probe::id)
                .containsExactly("category-swap", "gaussian-noise", "missing-value", "typical-value");
        assertThatThrownBy(() -> Probes.find("nope")).hasMessageContaining("gaussian-noise");
    }

    @Test
    void sameSeedSameRowsDifferentSeedDifferentRows() {
        for (Probe p : tabular()) {
            double level = p.levels().get(1);
            Table a = p.perturb(telco, level, 42);
            Table b = p.perturb(telco, level, 42);
            Table c = p.perturb(telco, level, 43);
            assertThat(changedCells(telco, a, "churn")).as(p.id()).isEqualTo(changedCells(telco, b, "churn"));
            assertThat(a.columns()).as(p.id()).isEqualTo(b.columns());
            assertThat(a.columns()).as(p.id()).isNotEqualTo(c.columns());
        }
    }

    @Test
    void levelZeroChangesNothing() {
        for (Probe p : tabular()) {
            assertThat(changedCells(telco, p.perturb(telco, 0.0, 42), "churn")).as(p.id()).isZero();
        }
    }

    @Test
    void strongerLevelsChangeMoreCellsAndNeverTheTarget() {
        for (Probe p : tabular()) {
            List<Double> levels = p.levels();
            Table weak = p.perturb(telco, levels.get(0), 42);
            Table strong = p.perturb(telco, levels.get(levels.size() - 1), 42);
            double w = change(telco, weak);
            double s = change(telco, strong);
            assertThat(w).as(p.id()).isPositive();
            assertThat(s).as(p.id()).isGreaterThan(w);
            assertThat(strong.column("churn")).isEqualTo(telco.column("churn"));
            assertThat(strong.rowCount()).isEqualTo(telco.rowCount());
        }
    }

    @Test
    void aRowsPerturbationDoesNotDependOnTheOtherRows() {
        // Row r is drawn from its own seeded stream: perturbing the first 100 rows alone gives the same rows.
        int[] first = java.util.stream.IntStream.range(0, 100).toArray();
        for (Probe p : List.of(Probes.find("category-swap"), Probes.find("missing-value"))) {
            Table whole = p.perturb(telco, 0.3, 42).select(first);
            Table part = p.perturb(telco.select(first), 0.3, 42);
            assertThat(part.columns()).as(p.id()).isEqualTo(whole.columns());
        }
    }

    /** Total change: absolute difference of numeric cells present in both, else 1 per changed cell. */
    static double change(Table original, Table perturbed) {
        double total = 0;
        for (Column c : original.columns()) {
            Column d = perturbed.column(c.name());
            for (int r = 0; r < c.size(); r++) {
                if (c.value(r) instanceof Double a && d.value(r) instanceof Double b) {
                    total += Math.abs(a - b);
                } else if (!Objects.equals(c.value(r), d.value(r))) {
                    total += 1;
                }
            }
        }
        return total;
    }

    static long changedCells(Table original, Table perturbed, String skip) {
        long n = 0;
        for (Column c : original.columns()) {
            Column d = perturbed.column(c.name());
            for (int r = 0; r < c.size(); r++) {
                if (!Objects.equals(c.value(r), d.value(r))) {
                    n++;
                }
            }
        }
        return n;
    }
}
