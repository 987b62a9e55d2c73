package dev.failforward.data;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTextTest {

    private static final RowLocator WHERE = (row, column, message) -> DataException.at("t.csv", row + 2, column, message);

    @Test
    void readsTheIsoFormsAsSecondsSinceTheEpochInUtc() {
        assertThat(TimeText.parse("1970-01-01")).isEqualTo(0);
        assertThat(TimeText.parse("2001-01-01T00:14:00")).isEqualTo(978_308_040);
        assertThat(TimeText.parse("2001-01-01T00:14")).isEqualTo(978_308_040);
        assertThat(TimeText.parse("2001-01-01 00:14:00")).isEqualTo(978_308_040);
        assertThat(TimeText.parse("2001-01-01T00:14:00Z")).isEqualTo(978_308_040);
        assertThat(TimeText.parse("2001-01-01T01:14:00+01:00")).isEqualTo(978_308_040);
        assertThat(TimeText.parse("2001-01-01T00:14:00.25")).isEqualTo(978_308_040.25);
    }

    @Test
    void refusesWhatIsNotADateOrTime() {
        for (String s : new String[] {"2001-13-01", "2001-02-30", "2001/01/01", "2001-01-01T25:00", "2001-01-01T", "2001-01-01x",
                "20010101", "2001-01-01T00:14:00+1", "1.5", "abc", "2001-01-01T00:14:00.", "2001-01-01T00:14:0"}) {
            assertThat(TimeText.parse(s)).as(s).isNaN();
        }
    }

    @Test
    void writesWhatJavaTimeWritesForAnyInstant() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long second = (long) ((random.nextDouble() * 2 - 1) * 100L * 365 * 86_400) + 946_684_800L;
            String expected = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
            expected = expected.length() == 16 ? expected + ":00" : expected;
            assertThat(TimeText.formatTime(second)).isEqualTo(expected);
            assertThat(TimeText.parse(expected)).isEqualTo(second);
            assertThat(TimeText.formatDate(second)).isEqualTo(LocalDate.ofEpochDay(Math.floorDiv(second, 86_400L)).toString());
        }
        assertThat(TimeText.formatTime(978_308_040.5)).isEqualTo("2001-01-01T00:14:00.500");
        assertThat(TimeText.formatTime(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond())).isEqualTo("0000-01-01T00:00:00");
    }

    @Test
    void aColumnOfTimesIsReadAsOrderedNumbersAndWrittenBackAsTimes() {
        Column times = ColumnParser.parse("date", new String[] {"2001-01-01T00:14:00", "", "2001-01-02T10:00:00", "2001-01-01T00:14:00"}, null, WHERE);
        assertThat(times).isInstanceOf(NumericColumn.class);
        NumericColumn n = (NumericColumn) times;
        assertThat(n.kind()).isEqualTo(NumberKind.TIME);
        assertThat(n.get(2)).isGreaterThan(n.get(0));
        assertThat(n.isMissing(1)).isTrue();
        assertThat(n.text(2)).isEqualTo("2001-01-02T10:00:00");
        assertThat(n.select(new int[] {2}).text(0)).isEqualTo("2001-01-02T10:00:00");

        NumericColumn dates = (NumericColumn) ColumnParser.parse("day", new String[] {"2001-01-01", "2001-03-01"}, null, WHERE);
        assertThat(dates.kind()).isEqualTo(NumberKind.DATE);
        assertThat(dates.text(1)).isEqualTo("2001-03-01");

        assertThat(ColumnParser.parse("mixed", new String[] {"2001-01-01", "soon"}, null, WHERE).type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(ColumnParser.parse("forced", new String[] {"2001-01-01", "2001-01-02"}, ColumnType.CATEGORICAL, WHERE).type())
                .isEqualTo(ColumnType.CATEGORICAL);
    }
}
