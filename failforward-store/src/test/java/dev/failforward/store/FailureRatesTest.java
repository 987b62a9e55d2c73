package dev.failforward.store;

import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.RunValues;
import dev.failforward.failure.ValueCount;
import dev.failforward.failure.ValueRates;
import dev.failforward.failure.WhereParser;
import dev.failforward.run.RunIds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Failure rates per value, on both databases: the stored counts of evaluated rows and failures per
 * category agree with counts made straight from the CSV file, numeric bins count failures over the
 * same edges as the failures' own input values, runs pool, purge removes the counts, and a run
 * stored by a log of schema version 30 (before the counts existed) is named as unrecorded.
 */
@Tag("slow")
class FailureRatesTest {

    private static final int CONTRACT = 15;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void ratesPerCategoryMatchTheCsvAndBinsMatchTheFailuresInputs(Database db) throws IOException {
        String a = RunIds.next();
        String b = RunIds.next();
        Telco.Scored first = Telco.scan(a, 0, 2000, 3);
        Telco.Scored second = Telco.scan(b, 2000, 1500, 4);
        List<String> lines = Files.readAllLines(Telco.FILE);
        try (Database.Place place = db.fresh(dir); JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
            log.complete(first.run(), first.predictions(), first.failures(), RunValues.of(Telco.rows(0, 2000), first.predictions()));
            log.complete(second.run(), second.predictions(), second.failures(), RunValues.of(Telco.rows(2000, 1500), second.predictions()));

            ValueCount monthly = group(log.rates(a, "contract"), "Month-to-month");
            long rows = csvContracts(lines, 2, 2000, "Month-to-month");
            long failures = first.failures().stream().filter(f -> contractOf(lines, f.rowKey()).equals("Month-to-month")).count();
            assertThat(rows).isGreaterThan(500);
            assertThat(failures).isGreaterThan(50);
            assertThat(monthly.rows()).isEqualTo(rows);
            assertThat(monthly.failures()).isEqualTo(failures);
            assertThat(monthly.rate()).isCloseTo((double) failures / rows, within(1e-12));

            ValueRates contract = log.rates(a, "contract");
            assertThat(contract.rows()).isEqualTo(2000);
            assertThat(contract.failures()).isEqualTo(first.failures().size());
            assertThat(contract.rated()).containsExactly(a);
            assertThat(contract.unrecorded()).isEmpty();
            assertThat(contract.groups()).extracting(ValueCount::rate).isSortedAccordingTo((x, y) -> Double.compare(y, x));

            // Every tenure bin's failures are the failures whose stored input falls in it.
            ValueRates tenure = log.rates(a, "tenure");
            assertThat(tenure.groups()).hasSizeBetween(8, 10).allMatch(ValueCount::isBin);
            assertThat(tenure.rows()).isEqualTo(2000);
            for (ValueCount bin : tenure.groups()) {
                boolean top = tenure.label(bin).endsWith("]");
                String where = "tenure >= " + bin.low() + " AND tenure " + (top ? "<= " : "< ") + bin.high();
                assertThat(log.count(new FailureFilter(a, null, null, null, WhereParser.parse(where), null, null, null, null)))
                        .as(where).isEqualTo(bin.failures());
                assertThat(bin.rows()).as("decile bins hold about a tenth of the rows: " + where).isBetween(100L, 400L);
            }

            // Both runs pooled.
            ValueCount pooled = group(log.rates(null, "contract"), "Month-to-month");
            assertThat(pooled.rows()).isEqualTo(rows + csvContracts(lines, 2002, 1500, "Month-to-month"));
            assertThat(log.rates(null, "contract").rated()).containsExactlyInAnyOrder(a, b);

            log.purge(List.of(a));
            assertThat(log.rates(null, "contract").rated()).containsExactly(b);
            assertThat(log.rates(null, "contract").rows()).isEqualTo(1500);
        }
    }

    /** A run without counts per value, as runs stored before schema version 31 (and by code that gives none) are. */
    @ParameterizedTest
    @EnumSource(Database.class)
    void aRunStoredWithoutCountsPerValueIsNamedAsUnrecorded(Database db) throws Exception {
        Telco.Scored old = Telco.scan(RunIds.next(), 0, 400, 5);
        try (Database.Place place = db.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.begin(old.started());
                log.complete(old.run(), old.predictions(), old.failures());
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                ValueRates before = log.rates(null, "contract");
                assertThat(before.groups()).isEmpty();
                assertThat(before.unrecorded()).containsExactly(old.run().id());
                assertThat(log.stats(null, dev.failforward.failure.StatDimension.FEATURE, "contract")).isNotEmpty();

                Telco.Scored fresh = Telco.scan(RunIds.next(), 400, 300, 6);
                log.complete(fresh.run(), fresh.predictions(), fresh.failures(), RunValues.of(Telco.rows(400, 300), fresh.predictions()));
                ValueRates after = log.rates(null, "contract");
                assertThat(after.rated()).containsExactly(fresh.run().id());
                assertThat(after.unrecorded()).containsExactly(old.run().id());
                assertThat(after.rows()).isEqualTo(300);
            }
        }
    }

    private static ValueCount group(ValueRates rates, String value) {
        return rates.groups().stream().filter(g -> value.equals(g.value())).findFirst().orElseThrow();
    }

    /** Rows of the file's lines {@code first .. first+count-1} (1-based, header = line 1) with this contract. */
    private static long csvContracts(List<String> lines, int first, int count, String contract) {
        long n = 0;
        for (int line = first; line < first + count; line++) {
            if (field(lines.get(line - 1), CONTRACT).equals(contract)) {
                n++;
            }
        }
        return n;
    }

    private static String contractOf(List<String> lines, String rowKey) {
        int line = Integer.parseInt(rowKey.substring(rowKey.lastIndexOf(':') + 1));
        return field(lines.get(line - 1), CONTRACT);
    }

    private static String field(String line, int index) {
        return line.split(",", -1)[index].replace("\"", "");
    }
}
