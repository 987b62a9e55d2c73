package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;
import dev.failforward.failure.WhereParser;
import dev.failforward.run.RunIds;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log holding failures of different column sets (two data sets, and production events whose
 * features vary): filters, counts, statistics and purge see every set's table, and a column whose
 * values are numbers in some failures and text in others compares each as its own type.
 */
class InputSetsTest {

    @TempDir
    Path dir;

    private static FailureFilter where(String condition) {
        return new FailureFilter(null, null, null, null, WhereParser.parse(condition), null, null, null, null);
    }

    /** The failures with only some columns, in another order, and a column {@code zone} that is sometimes a number. */
    private static List<Failure> reshaped(List<Failure> failures) {
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            Failure f = failures.get(i);
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("contract", f.input().get("contract"));
            input.put("zone", i % 3 == 0 ? (Object) (double) (i % 7) : i % 3 == 1 ? "north" : null);
            input.put("tenure", f.input().get("tenure"));
            out.add(new Failure(f.id(), f.runId(), f.rowKey(), f.origin(), input, f.expected(), f.predicted(), f.probabilities(),
                    f.prediction(), f.confidence(), f.loss(), f.causeTags(), f.fingerprint()));
        }
        return out;
    }

    private static List<String> ids(List<LoggedFailure> found) {
        return found.stream().map(f -> f.failure().id()).toList();
    }

    private static List<String> expected(List<Failure> all, Predicate<Map<String, Object>> keep) {
        return all.stream().filter(f -> keep.test(f.input())).map(Failure::id).toList();
    }

    private static double number(Map<String, Object> input, String column) {
        return input.get(column) instanceof Double d ? d : Double.NaN;
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void filtersStatisticsAndPurgeSpanEveryColumnSet(Database db) {
        Telco.Scored first = Telco.scan(RunIds.next(), 0, 600, 11);
        Telco.Scored second = Telco.scan(RunIds.next(), 600, 600, 12);
        Telco.Scored third = Telco.scan(RunIds.next(), 1200, 600, 13);
        List<Failure> reshaped = reshaped(second.failures());
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(first.run(), first.predictions(), first.failures());
            log.complete(second.run(), second.predictions(), reshaped);
            log.complete(third.run(), third.predictions(), third.failures());
            List<Failure> all = Stream.of(first.failures(), reshaped, third.failures()).flatMap(List::stream).toList();

            // In both sets, in one, across sets with OR; values of the wrong type never match.
            Map<String, Predicate<Map<String, Object>>> conditions = new LinkedHashMap<>();
            conditions.put("contract = 'Two year' AND tenure >= 40",
                    in -> "Two year".equals(in.get("contract")) && number(in, "tenure") >= 40);
            conditions.put("zone = 'north'", in -> "north".equals(in.get("zone")));
            conditions.put("zone >= 3", in -> number(in, "zone") >= 3);
            conditions.put("zone != 'north' OR partner = 'true'",
                    in -> in.get("zone") instanceof String z && !z.equals("north") || Boolean.TRUE.equals(in.get("partner")));
            conditions.put("payment_method = 'Mailed check' OR zone < 1",
                    in -> "Mailed check".equals(in.get("payment_method")) || number(in, "zone") < 1);
            conditions.put("no_such_column = 'x' OR tenure = 1", in -> number(in, "tenure") == 1);
            conditions.forEach((condition, keep) -> {
                List<String> want = expected(all, keep);
                assertThat(ids(log.find(where(condition)))).as(condition).containsExactlyElementsOf(want);
                assertThat(log.count(where(condition))).as(condition).isEqualTo(want.size());
            });
            assertThat(expected(all, conditions.get("zone >= 3"))).isNotEmpty();
            assertThat(log.find(where("zone = '3'"))).as("a text never equals a number").isEmpty();

            // Statistics add up over the sets; a run's statistics see only its own.
            List<StatRow> contract = log.stats(null, StatDimension.FEATURE, "contract");
            for (StatRow r : contract) {
                assertThat(r.failures()).as(r.group()).isEqualTo(all.stream().filter(f -> r.group().equals(f.input().get("contract"))).count());
            }
            assertThat(contract.stream().mapToLong(StatRow::failures).sum()).isEqualTo(all.size());
            List<StatRow> zone = log.stats(second.run().id(), StatDimension.FEATURE, "zone");
            assertThat(zone).contains(new StatRow("north", reshaped.stream().filter(f -> "north".equals(f.input().get("zone"))).count(), null),
                    new StatRow("(missing)", reshaped.stream().filter(f -> f.input().get("zone") == null).count(), null));
            assertThat(zone.stream().mapToLong(StatRow::failures).sum()).isEqualTo(reshaped.size());
            assertThat(log.stats(first.run().id(), StatDimension.FEATURE, "zone")).isEmpty();
            // Numbers binned in the database exactly as binning every value in Java would, over both sets.
            for (String column : List.of("tenure", "monthly_charges", "zone")) {
                TreeMap<Double, Long> values = new TreeMap<>();
                all.forEach(f -> {
                    if (f.input().get(column) instanceof Double d) {
                        values.merge(d, 1L, Long::sum);
                    }
                });
                List<StatRow> want = new ArrayList<>(StatQueries.bins(values));
                long missing = all.stream().filter(f -> f.input().containsKey(column) && f.input().get(column) == null).count();
                if (missing > 0) {
                    want.add(new StatRow("(missing)", missing, null));
                }
                assertThat(log.stats(null, StatDimension.FEATURE, column).stream().filter(r -> !r.group().equals("north")).toList())
                        .as(column).containsExactlyElementsOf(want);
            }
            assertThat(log.stats(null, StatDimension.FEATURE, "monthly_charges")).hasSize(StatQueries.BINS);
            assertThat(log.stats(null, StatDimension.FEATURE, "zone")).hasSize(7 + 2);

            // Purging a run removes its input values from its set's table, and only those.
            log.purge(List.of(second.run().id()));
            List<Failure> left = Stream.of(first.failures(), third.failures()).flatMap(List::stream).toList();
            assertThat(log.count(where("zone = 'north' OR zone >= 0"))).isZero();
            assertThat(log.count(where("tenure >= 0"))).isEqualTo(left.stream().filter(f -> !Double.isNaN(number(f.input(), "tenure"))).count());
            assertThat(log.stats(null, StatDimension.FEATURE, "contract").stream().mapToLong(StatRow::failures).sum())
                    .isEqualTo(left.stream().map(f -> f.input().get("contract")).filter(Objects::nonNull).count());
        }
    }
}
