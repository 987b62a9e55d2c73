package dev.failforward.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnParserTest {

    private static final RowLocator WHERE = (row, column, message) -> DataException.at("t.csv", row + 2, column, message);

    @Test
    void infersEachType() {
        assertThat(ColumnParser.infer(new String[] {"1", "2.5", "NA", "-3e2"})).isEqualTo(ColumnType.NUMERIC);
        assertThat(ColumnParser.infer(new String[] {"true", "FALSE", ""})).isEqualTo(ColumnType.BOOLEAN);
        assertThat(ColumnParser.infer(new String[] {"a", "b", "a"})).isEqualTo(ColumnType.CATEGORICAL);
        String[] names = new String[200];
        for (int i = 0; i < names.length; i++) {
            names[i] = "Passenger number " + i;
        }
        assertThat(ColumnParser.infer(names)).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void javaNumberSuffixesAreNotNumbers() {
        assertThat(ColumnParser.infer(new String[] {"1d", "2f"})).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(ColumnParser.infer(new String[] {"0x1p3", "1"})).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(ColumnParser.infer(new String[] {"info", "1"})).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void infinitiesAndOverflowsAreNumbers() {
        String[] raw = {"Infinity", "inf", "-inf", "+Inf", "-Infinity", "1e400", "-1e400", "3.5", ""};
        assertThat(ColumnParser.infer(raw)).isEqualTo(ColumnType.NUMERIC);
        NumericColumn c = (NumericColumn) ColumnParser.parse("x", raw, null, (row, column, message) -> {
            throw new AssertionError(message);
        });
        double inf = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 7; i++) {
            assertThat(c.get(i)).as(raw[i]).isEqualTo(raw[i].startsWith("-") ? -inf : inf);
        }
        assertThat(c.get(7)).isEqualTo(3.5);
        assertThat(c.isMissing(8)).isTrue();
    }

    @Test
    void categoricalLevelsAreSortedAndMissingIsMinusOne() {
        CategoricalColumn c = (CategoricalColumn) ColumnParser.parse("c", new String[] {"b", "?", "a"}, null, WHERE);
        assertThat(c.levels()).containsExactly("a", "b");
        assertThat(c.codes()).containsExactly(1, -1, 0);
    }

    @Test
    void forcedBooleanAcceptsYesNo() {
        Column c = ColumnParser.parse("c", new String[] {"Yes", "no", "1"}, ColumnType.BOOLEAN, WHERE);
        assertThat(c.value(0)).isEqualTo(true);
        assertThat(c.value(1)).isEqualTo(false);
    }
}
