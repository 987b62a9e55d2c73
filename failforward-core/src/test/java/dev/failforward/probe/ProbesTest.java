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

    /** Probes that change every value by a fixed rule and draw no random numbers. */
    static final java.util.Set<String> DETERMINISTIC = java.util.Set.of("scale", "shift", "rounding");

    @BeforeAll
    static void read() {
        telco = TableReaders.read(Datasets.tabular("telco_churn.csv"), ReadOptions.DEFAULT)
                .withRole("churn", ColumnRole.TARGET);
    }

    /** The tabular probes; text probes (package probe.text) leave Telco as it is and have their own test. */
    static List<Probe> tabular() {
        return Probes.all().stream().filter(p -> !(p instanceof dev.failforward.probe.text.TextProbe)).toList();
    }

    @Test
    void theDefaultSuiteIsRegisteredWithUniqueIds() {
        assertThat(tabular()).extracting(Probe::id)
                .containsExactly("category-swap", "edge-values", "gaussian-noise", "missing-value", "rounding", "scale", "shift",
                        "typical-value", "unseen-category");
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
            if (DETERMINISTIC.contains(p.id())) {
                assertThat(a.columns()).as(p.id()).isEqualTo(c.columns());
            } else {
                assertThat(a.columns()).as(p.id()).isNotEqualTo(c.columns());
            }
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

    @Test
    void edgeValuesUseTheTrainingRangeWhenFitted() {
        int[] low = java.util.stream.IntStream.range(0, telco.rowCount())
                .filter(r -> ((dev.failforward.data.NumericColumn) telco.column("tenure")).get(r) <= 24).toArray();
        Table train = telco.select(low);
        Probe edge = Probes.find("edge-values").fit(train);
        Table atEdge = edge.perturb(telco, 1.0, 42);
        Table beyond = edge.perturb(telco, 2.0, 42);
        var tenure = (dev.failforward.data.NumericColumn) telco.column("tenure");
        var moved = (dev.failforward.data.NumericColumn) atEdge.column("tenure");
        var far = (dev.failforward.data.NumericColumn) beyond.column("tenure");
        int changed = 0;
        for (int r = 0; r < telco.rowCount(); r++) {
            if (moved.get(r) != tenure.get(r)) {
                changed++;
                // training tenure spans 0..24 here: the edge is 0 or 24, one range beyond is -24 or 48
                assertThat(moved.get(r)).isIn(0.0, 24.0);
                assertThat(far.get(r)).isEqualTo(moved.get(r) == 0.0 ? -24.0 : 48.0);
            }
        }
        assertThat(changed).isPositive();
    }

    @Test
    void unseenCategoriesAreNotAmongTheTrainingLevels() {
        Probe unseen = Probes.find("unseen-category").fit(telco);
        Table all = unseen.perturb(telco, 1.0, 42);
        long total = 0;
        for (Column c : telco.features()) {
            if (c instanceof dev.failforward.data.CategoricalColumn cc) {
                var after = (dev.failforward.data.CategoricalColumn) all.column(c.name());
                for (int r = 0; r < c.size(); r++) {
                    if (!Objects.equals(c.value(r), after.value(r))) {
                        total++;
                        assertThat(cc.levels()).doesNotContain(after.text(r));
                    }
                }
            }
        }
        assertThat(total).isEqualTo(telco.rowCount());
    }

    @Test
    void scaleAndRoundingFollowTheirRule() {
        var tenure = (dev.failforward.data.NumericColumn) telco.column("tenure");
        var tenfold = (dev.failforward.data.NumericColumn) Probes.find("scale").perturb(telco, 9, 42).column("tenure");
        var rounded = (dev.failforward.data.NumericColumn) Probes.find("rounding").perturb(telco, 1, 42).column("tenure");
        double sd = Columns.spread(tenure);
        for (int r = 0; r < 50; r++) {
            assertThat(tenfold.get(r)).isCloseTo(10 * tenure.get(r), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(Math.abs(rounded.get(r) - tenure.get(r))).isLessThanOrEqualTo(sd / 2 + 1e-9);
            assertThat(rounded.get(r) / sd).isCloseTo(Math.rint(rounded.get(r) / sd), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void aSuiteProbeChangesOnlyItsColumnsAndNeverImmutableOnes() {
        Probe noise = new SuiteProbe(Probes.find("gaussian-noise"), "noise", List.of(0.5), List.of("tenure", "monthly_charges"),
                List.of("monthly_charges"), Expectation.invariant(), "test");
        Table out = noise.perturb(telco, 0.5, 42);
        for (Column c : telco.columns()) {
            if (c.name().equals("tenure")) {
                assertThat(out.column(c.name())).isNotEqualTo(c);
            } else {
                assertThat(out.column(c.name())).as(c.name()).isEqualTo(c);
            }
            assertThat(out.role(c.name())).isEqualTo(telco.role(c.name()));
        }
        Probe swap = new SuiteProbe(Probes.find("missing-value"), "m", List.of(1.0), List.of(), List.of("contract", "tenure"),
                Expectation.invariant(), "test");
        Table swapped = swap.perturb(telco, 1.0, 42);
        assertThat(swapped.column("contract")).isEqualTo(telco.column("contract"));
        assertThat(swapped.column("tenure")).isEqualTo(telco.column("tenure"));
        assertThat(changedCells(telco, swapped, "churn")).isGreaterThan(telco.rowCount() * 99L / 100);
    }

    @Test
    void theDefaultSuiteFollowsTheColumnTypes() {
        // Telco has numeric and categorical features but no text: every tabular probe, no text probe.
        assertThat(ProbeSuite.defaults(telco).probes()).extracting(SuiteProbe::name)
                .containsExactlyElementsOf(tabular().stream().map(Probe::id).toList());
        Table numericOnly = telco.project(telco.columns().stream()
                .filter(c -> c.name().equals("churn") || c instanceof dev.failforward.data.NumericColumn).map(Column::name).toList());
        assertThat(ProbeSuite.defaults(numericOnly).probes()).extracting(SuiteProbe::name)
                .doesNotContain("category-swap", "unseen-category").contains("gaussian-noise", "scale", "edge-values");
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
